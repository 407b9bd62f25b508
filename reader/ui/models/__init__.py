"""Item models for the views: each holds ids and plain data, never widgets."""

from PySide6.QtCore import Qt

# Roles shared by the models (one name per concept).
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
IssueKeyRole = Qt.ItemDataRole.UserRole + 3
PaperRole = Qt.ItemDataRole.UserRole + 4
DateRole = Qt.ItemDataRole.UserRole + 5
TargetPagesRole = Qt.ItemDataRole.UserRole + 7
HitRole = Qt.ItemDataRole.UserRole + 8
BookmarkRole = Qt.ItemDataRole.UserRole + 9
LibraryRole = Qt.ItemDataRole.UserRole + 10
DepthRole = Qt.ItemDataRole.UserRole + 11  # 1: an excerpt, drawn under its article

from PySide6.QtCore import QModelIndex  # noqa: E402

NO_PARENT = QModelIndex()
"""The invalid index: the default ``parent`` of the model methods (one shared instance)."""
