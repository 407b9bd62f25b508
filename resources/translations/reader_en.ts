<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BookmarkRescue</name>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmark_rescue.py" line="108"/>
        <location filename="../../reader/ui/bookmark_rescue.py" line="116"/>
        <source>%n bookmark(s) saved to %1.</source>
        <translation>
            <numerusform>%n bookmark saved to %1.</numerusform>
            <numerusform>%n bookmarks saved to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksController</name>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmarks_controller.py" line="253"/>
        <source>Remove %n bookmark(s) with their notes?</source>
        <translation>
            <numerusform>Remove %n bookmark with its note?</numerusform>
            <numerusform>Remove %n bookmarks with their notes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmarks_controller.py" line="255"/>
        <source>Remove %n selected bookmark(s) and excerpt(s) with their notes?</source>
        <translation>
            <numerusform>Remove the selected bookmark or excerpt with its note?</numerusform>
            <numerusform>Remove %n selected bookmarks and excerpts with their notes?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="130"/>
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n bookmark</numerusform>
            <numerusform>%n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="132"/>
        <source>, %n excerpt(s)</source>
        <translation>
            <numerusform>, %n excerpt</numerusform>
            <numerusform>, %n excerpts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message numerus="yes">
        <location filename="../../reader/ui/errors.py" line="112"/>
        <source>(%n error(s) so far)</source>
        <translation>
            <numerusform>(%n error so far)</numerusform>
            <numerusform>(%n errors so far)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExcerptsController</name>
    <message numerus="yes">
        <location filename="../../reader/ui/excerpts_controller.py" line="75"/>
        <source>Excerpt saved (%n character(s)) from %1</source>
        <translation>
            <numerusform>Excerpt saved (%n character) from %1</numerusform>
            <numerusform>Excerpt saved (%n characters) from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="229"/>
        <source>Exported %n file(s) to %1.</source>
        <translation>
            <numerusform>Exported %n file to %1.</numerusform>
            <numerusform>Exported %n files to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="80"/>
        <source>The selected text (%n character(s))</source>
        <translation>
            <numerusform>The selected text (%n character)</numerusform>
            <numerusform>The selected text (%n characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="87"/>
        <source>The %n selected bookmark(s)</source>
        <translation>
            <numerusform>The selected bookmark</numerusform>
            <numerusform>The %n selected bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="94"/>
        <source>The %n selected article(s)</source>
        <translation>
            <numerusform>The selected article</numerusform>
            <numerusform>The %n selected articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="100"/>
        <source>All %n bookmark(s)</source>
        <translation>
            <numerusform>The bookmark</numerusform>
            <numerusform>All %n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="105"/>
        <source>All %n hit(s) of the search %1</source>
        <translation>
            <numerusform>The hit of the search %1</numerusform>
            <numerusform>All %n hits of the search %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/models/issue_tree.py" line="167"/>
        <source>Undated pages (%n)</source>
        <translation>
            <numerusform>Undated pages (%n)</numerusform>
            <numerusform>Undated pages (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageArticleModel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/models/page_articles.py" line="271"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/models/page_articles.py" line="293"/>
        <source>%n char(s)</source>
        <translation>
            <numerusform>%n char</numerusform>
            <numerusform>%n chars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/views/results_panel.py" line="196"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <location filename="../../reader/ui/views/timeline_view.py" line="170"/>
        <source>%n undated hit(s) are not on the chart.</source>
        <translation>
            <numerusform>%n undated hit is not on the chart.</numerusform>
            <numerusform>%n undated hits are not on the chart.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkStatus</name>
    <message numerus="yes">
        <location filename="../../reader/ui/work_status.py" line="76"/>
        <source>%n problem file(s)</source>
        <translation>
            <numerusform>%n problem file</numerusform>
            <numerusform>%n problem files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/work_status.py" line="84"/>
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
</context>
</TS>
