<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddReportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="29" />
        <source>Pages Added</source>
        <translation>添加版面的结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="33" />
        <source>%1 added, %2 already in the library, %3 added under a new name, %4 not added.</source>
        <translation>已添加 %1 个，书库中已有 %2 个，改名添加 %3 个，未添加 %4 个。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="37" />
        <source>Library: %1</source>
        <translation>书库：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="42" />
        <source>Cancelled: the files after these were not looked at.</source>
        <translation>已取消：其后的文件没有处理。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="46" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="46" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="47" />
        <source>Where, or why not</source>
        <translation>位置或原因</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="52" />
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="55" />
        <source>Added under a new name</source>
        <translation>改名添加</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="56" />
        <source>a different file already had the name</source>
        <translation>已有同名但内容不同的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="58" />
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="60" />
        <source>Added, with a note</source>
        <translation>已添加，附说明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/add_report.py" line="63" />
        <source>Already in the library</source>
        <translation>书库中已有</translation>
    </message>
</context>
<context>
    <name>ArticleDocument</name>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="202" />
        <source>Headline lost on the page; derived from the text</source>
        <translation>版面上标题缺失，据正文推断</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="226" />
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="245" />
        <source>(continued from page %1) </source>
        <translation>（上接第%1版）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="259" />
        <source>(continued on page %1)</source>
        <translation>（下转第%1版）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="267" />
        <source>Corrections of this article</source>
        <translation>本文的更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="269" />
        <source>(kept in your own data folder: the library's folder cannot be written)</source>
        <translation>（文库文件夹不可写入，保存在你自己的数据文件夹中）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="295" />
        <source>undated</source>
        <translation>未标日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="298" />
        <source>page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/article_document.py" line="304" />
        <source>issue %1</source>
        <translation>第%1期</translation>
    </message>
</context>
<context>
    <name>ArticleMenu</name>
    <message>
        <location filename="../../reader/ui/article_menu.py" line="32" />
        <source>Copy &amp;with Citation</source>
        <translation>连同引文复制(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_menu.py" line="49" />
        <source>Copied with its citation.</source>
        <translation>已连同引文复制。</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/views/article_view.py" line="94" />
        <source>Choose a day in the calendar or an issue in the list, or search the archive (Ctrl+F).</source>
        <translation>在日历中选一天或在列表中选一期，或检索全部报刊（Ctrl+F）。</translation>
    </message>
</context>
<context>
    <name>AssignDateDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/assign_date.py" line="19" />
        <source>Assign a Date</source>
        <translation>设定日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/assign_date.py" line="20" />
        <source>The page %1 states no date. Choose the date it was printed; it is saved in %2 beside the page, and the page moves to its issue.</source>
        <translation>版面 %1 没有印出日期。请选择出版日期；日期将保存在版面旁的 %2 中，该版随即归入所属的一期。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/assign_date.py" line="28" />
        <source>Suggested from the dates the articles mention: %1</source>
        <translation>根据文中提到的日期推测：%1</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/bookmark_dialog.py" line="36" />
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/bookmark_dialog.py" line="36" />
        <source>Excerpt</source>
        <translation>摘录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/bookmark_dialog.py" line="49" />
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/bookmark_dialog.py" line="58" />
        <source>&amp;Note:</source>
        <translation>笔记(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/bookmark_dialog.py" line="59" />
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>BookmarkModel</name>
    <message>
        <location filename="../../reader/ui/models/bookmarks.py" line="124" />
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/bookmarks.py" line="124" />
        <source>Printed</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/bookmarks.py" line="124" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/bookmarks.py" line="124" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/bookmarks.py" line="160" />
        <source>in the library “%1”</source>
        <translation>在书库“%1”中</translation>
    </message>
</context>
<context>
    <name>BookmarkOpener</name>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="92" />
        <source>Looking for the bookmarked article…</source>
        <translation>正在查找书签对应的文章…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="116" />
        <location filename="../../reader/ui/bookmark_opening.py" line="151" />
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="117" />
        <source>The article of this bookmark can no longer be found in the library:
%1

The bookmark and its note are kept.</source>
        <translation>书库中已找不到这个书签的文章：
%1

书签和笔记仍然保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="143" />
        <source>The excerpt “%1” was kept in the library “%2” (%3), which cannot be found now. The excerpt, its text and its note are kept; open that library with File → Open Library Folder… (Ctrl+O) once its folder is back.</source>
        <translation>摘录“%1”保存在书库“%2”（%3）中，但现在找不到这个书库。摘录及其文字和笔记仍然保留；等它的文件夹回来后，用“文件 → 打开书库文件夹…”（Ctrl+O）打开那个书库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="147" />
        <source>“%1” was bookmarked in the library “%2” (%3), which cannot be found now. The bookmark and its note are kept; open that library with File → Open Library Folder… (Ctrl+O) once its folder is back.</source>
        <translation>“%1”是在书库“%2”（%3）中加的书签，但现在找不到这个书库。书签及其笔记仍然保留；等它的文件夹回来后，用“文件 → 打开书库文件夹…”（Ctrl+O）打开那个书库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="151" />
        <source>Excerpt</source>
        <translation>摘录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="155" />
        <source>The excerpt “%1” is in the library “%2” (%3), not in the one open here.

Open that library?</source>
        <translation>摘录“%1”在书库“%2”（%3）中，不在这里打开的书库中。

要打开那个书库吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="157" />
        <source>“%1” is in the library “%2” (%3).

Open that library?</source>
        <translation>“%1”在书库“%2”（%3）中。

要打开那个书库吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="159" />
        <source>Excerpt in Another Library</source>
        <translation>其他书库中的摘录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="160" />
        <source>Bookmark in Another Library</source>
        <translation>书签在另一个书库中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_opening.py" line="168" />
        <source>“%1” is in the library “%2” (%3): open it with File → Open Library Folder… (Ctrl+O).</source>
        <translation>“%1”在书库“%2”（%3）中：请用“文件 → 打开书库文件夹…”（Ctrl+O）打开它。</translation>
    </message>
</context>
<context>
    <name>BookmarkRescue</name>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="44" />
        <location filename="../../reader/ui/bookmark_rescue.py" line="76" />
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="45" />
        <source>Export What Can Be Read…</source>
        <translation>导出尚可读取的书签…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="48" />
        <source>The bookmark file %1 is damaged (%2). It was kept as it is, nothing was written over it; a backup of its last good state is in %3. Bookmarks are off for now.</source>
        <translation>书签文件 %1 已损坏（%2）。文件原样保留，没有被覆盖；最后一次完好状态的备份在 %3。书签功能暂时关闭。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="53" />
        <source>The bookmark file %1 is damaged (%2). It was kept as it is, nothing was written over it; no backup of it was found. Bookmarks are off for now.</source>
        <translation>书签文件 %1 已损坏（%2）。文件原样保留，没有被覆盖；没有找到它的备份。书签功能暂时关闭。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="60" />
        <source>Bookmarks cannot be saved: %1. Reading works as usual; bookmarking is off until that folder can be written (then start the reader again).</source>
        <translation>无法保存书签：%1。阅读不受影响；在该文件夹可写之前（之后请重新启动阅读器），加书签的功能关闭。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="77" />
        <source>The backup could not be restored: %1</source>
        <translation>无法从备份恢复：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="84" />
        <source>The bookmarks were restored from the backup of their last good state. The damaged file was kept as %1.</source>
        <translation>书签已从最后一次完好状态的备份中恢复。损坏的文件另存为 %1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="97" />
        <source>Save What Can Be Read</source>
        <translation>保存尚可读取的书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="98" />
        <source>Bookmarks (*.json)</source>
        <translation>书签 (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="105" />
        <location filename="../../reader/ui/bookmark_rescue.py" line="115" />
        <source>Export What Can Be Read</source>
        <translation>导出尚可读取的书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="106" />
        <source>Nothing could be saved: %1</source>
        <translation>什么也没能保存：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmark_rescue.py" line="108" />
        <location filename="../../reader/ui/bookmark_rescue.py" line="116" />
        <source>%n bookmark(s) saved to %1.</source>
        <translation>
            <numerusform>已将 %n 个书签保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="111" />
        <source>What could not be read:</source>
        <translation>无法读取的部分：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmark_rescue.py" line="113" />
        <source>Import them into a bookmark file that works with “reader bookmarks import %1”.</source>
        <translation>可以用“reader bookmarks import %1”把它们导入一个正常的书签文件。</translation>
    </message>
</context>
<context>
    <name>BookmarksController</name>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="204" />
        <source>Bookmarked: %1</source>
        <translation>已收藏：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="207" />
        <source>Remove Bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="208" />
        <source>Remove the bookmark and its note?

%1</source>
        <translation>删除这个书签和它的笔记吗？

%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="213" />
        <source>Bookmark removed.</source>
        <translation>书签已删除。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="126" />
        <location filename="../../reader/ui/bookmarks_controller.py" line="192" />
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="127" />
        <source>The bookmarks could not be saved: %1</source>
        <translation>书签未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="193" />
        <source>This article cannot be bookmarked: %1</source>
        <translation>无法为这篇文章加书签：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmarks_controller.py" line="255" />
        <source>Remove %n selected bookmark(s) and excerpt(s) with their notes?</source>
        <translation>
            <numerusform>删除选中的%n个书签和摘录及其笔记吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="257" />
        <source>Remove Bookmarks</source>
        <translation>删除书签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmarks_controller.py" line="253" />
        <source>Remove %n bookmark(s) with their notes?</source>
        <translation>
            <numerusform>删除这%n个书签及其笔记吗？</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="42" />
        <source>Filter by headline, note, tag or excerpt</source>
        <translation>按标题、笔记、标签或摘录筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="45" />
        <source>Show the bookmarks with one tag</source>
        <translation>只显示带某个标签的书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="48" />
        <source>Newest bookmark first</source>
        <translation>最近收藏在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="49" />
        <source>By article date</source>
        <translation>按文章日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="50" />
        <source>By headline</source>
        <translation>按标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="85" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="108" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="109" />
        <source>&amp;Edit Note and Tags…</source>
        <translation>编辑笔记和标签(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="130" />
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n个书签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="132" />
        <source>, %n excerpt(s)</source>
        <translation>
            <numerusform>，%n条摘录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/bookmarks_panel.py" line="134" />
        <source>%1 of %2</source>
        <translation>%2中的%1个</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../reader/ui/views/calendar.py" line="161" />
        <source>Previous month with issues</source>
        <translation>上一个有报纸的月份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/calendar.py" line="164" />
        <source>Next month with issues</source>
        <translation>下一个有报纸的月份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/calendar.py" line="165" />
        <location filename="../../reader/ui/views/calendar.py" line="232" />
        <source>Months with issues</source>
        <translation>有报纸的月份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/calendar.py" line="244" />
        <source>No issue on this day.</source>
        <translation>这一天没有报纸。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/calendar.py" line="247" />
        <source>Several papers appeared; choose one:</source>
        <translation>这一天有几份报纸，请选择：</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="21" />
        <source>it is {format}, not page text</source>
        <translation>这是{format}，不是版面文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="27" />
        <source>it starts with a {encoding} byte-order mark but is not valid {encoding} (bad bytes at offset {offset})</source>
        <translation>文件以 {encoding} 字节顺序标记开头，但不是有效的 {encoding}（在偏移 {offset} 处有错误字节）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="30" />
        <source>it is {size_mb} MB, too large to be one page (the limit is {limit_mb} MB); split it into page files</source>
        <translation>文件有 {size_mb} MB，太大，不像是一个版面（上限 {limit_mb} MB）；请拆分为各版的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="33" />
        <source>cannot read it: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="34" />
        <source>cannot read the folder: {reason}</source>
        <translation>无法读取该文件夹：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="35" />
        <source>it is {what}, not a regular file; not read</source>
        <translation>这是{what}，不是普通文件；未读取</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="36" />
        <source>it is a broken link</source>
        <translation>这是一个失效的链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="37" />
        <source>it is a link to {target}, outside {where}; links that leave it are not followed</source>
        <translation>这是指向 {target} 的链接，在{where}之外；不跟随指向外部的链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="40" />
        <source>folders nested more than {depth} deep are not read; move its pages up</source>
        <translation>嵌套超过 {depth} 层的文件夹不读取；请把其中的版面移到上层</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="43" />
        <source>it claims the same paper, date and page as {other} ({paper} {date}, page {page}); both are kept</source>
        <translation>与 {other} 的报纸、日期和版次相同（{paper} {date} 第{page}版）；两者都保留</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="46" />
        <source>the library settings file {file} was ignored: {reason}</source>
        <translation>书库设置文件 {file} 未被采用：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="48" />
        <source>its sidecar file {sidecar} was ignored: {reason}</source>
        <translation>其附注文件 {sidecar} 未被采用：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="50" />
        <source>its masthead gives the {field} as {stated}, its file's {where} as {found}; the masthead's is used</source>
        <translation>报头与文件名或文件夹所示不一致：报头上的{field}是 {stated}，文件的{where}上是 {found}；采用报头的</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="53" />
        <source>could not be copied into {library}: {reason}</source>
        <translation>无法复制到 {library}：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="54" />
        <source>added as {added}, but its sidecar could not be copied: {reason}</source>
        <translation>已添加为 {added}，但其附注文件无法复制：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="56" />
        <source>its sidecar {sidecar} is not copied: {reason}</source>
        <translation>其附注文件 {sidecar} 未复制：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="58" />
        <source>{count} files of that name are in {folder} already</source>
        <translation>{folder} 中已有 {count} 个同名文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="60" />
        <source>the page states no date; it is listed as undated</source>
        <translation>版面上没有日期；列为无日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="62" />
        <source>the masthead date {text} is not a real date</source>
        <translation>报头日期 {text} 不是一个真实的日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="64" />
        <source>the masthead says {weekday} but {date} was a 星期{actual}</source>
        <translation>报头写的是{weekday}，但 {date} 是星期{actual}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="66" />
        <source>the masthead's lunar date {lunar} does not match {date} (lunar {expected})</source>
        <translation>报头的农历日期 {lunar} 与 {date} 不符（应为农历{expected}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="69" />
        <source>the date line at the top ({stated}) comes with nothing else of a masthead, so the file's path gives the date, {date}</source>
        <translation>顶部的日期行（{stated}）没有报头的其他内容，因此采用文件路径给出的日期 {date}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="72" />
        <source>line {line}: a headline with no article under it (「{text}」) was kept as leftover text</source>
        <translation>第 {line} 行：标题下没有文章（「{text}」），作为剩余文字保留</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="75" />
        <source>article {position} ({label}) has no headline; it was probably lost in extraction</source>
        <translation>第 {position} 篇文章（{label}）没有标题；可能在提取时丢失了</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="78" />
        <source>article {position} ({title}) ends mid-sentence</source>
        <translation>第 {position} 篇文章（{title}）在句子中间结束</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="80" />
        <source>the record has no headline on its first lines</source>
        <translation>这篇文章文件的开头几行没有标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="82" />
        <source>the file ends in the middle of a character ({stray} stray byte(s) at the end were dropped; was it truncated?)</source>
        <translation>文件在一个字符的中间结束（末尾多余的 {stray} 个字节已舍去；文件是否被截断？）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="85" />
        <source>it contains {count} control character(s), kept as they are</source>
        <translation>含有 {count} 个控制字符，按原样保留</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="87" />
        <source>UTF-16 without a byte-order mark</source>
        <translation>没有字节顺序标记的 UTF-16</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="88" />
        <source>a correction cannot be used: {reason}</source>
        <translation>一项校正无法使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="90" />
        <source>correction {number} no longer applies ({correction}, by {by}, {at}): {reason}; it is kept</source>
        <translation>第 {number} 项校正已不适用（{correction}，{by}，{at}）：{reason}；该校正仍保留</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="94" />
        <source>unclosed quote in “{text}”: add the closing "</source>
        <translation>“{text}”中的引号没有闭合：请补上后引号 "</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="98" />
        <source>the query is {length} characters long; a query can have at most {limit}: search for a few words of it</source>
        <translation>检索式长 {length} 个字符，最多只能有 {limit} 个：请只检索其中的几个词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="101" />
        <source>{name}: needs a word after it, e.g. {name}:金承涛</source>
        <translation>{name}: 后面需要一个词，例如 {name}:金承涛</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="103" />
        <source>a word of the query is longer than {limit} characters</source>
        <translation>检索式中有一个词长于 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="105" />
        <source>bad date “{text}”: write date:2022, date:2022-08, date:2022-08-01 or date:2022-08-01..2022-10-31</source>
        <translation>日期“{text}”有误：请写成 date:2022、date:2022-08、date:2022-08-01 或 date:2022-08-01..2022-10-31</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="108" />
        <source>bad date “{text}”: there is no month {month}</source>
        <translation>日期“{text}”有误：没有{month}月</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="110" />
        <source>bad date “{text}”: {month} has no day {day}</source>
        <translation>日期“{text}”有误：{month} 没有{day}日</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="112" />
        <source>bad date range “{text}”: it ends before it starts</source>
        <translation>日期范围“{text}”有误：结束早于开始</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="118" />
        <source>date: cannot be joined with OR; give a range: date:2021..2022</source>
        <translation>date: 不能用 OR 连接；请给出范围：date:2021..2022</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="120" />
        <source>person:, place: and org: cannot be joined with OR</source>
        <translation>person:、place: 和 org: 不能用 OR 连接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="122" />
        <source>OR joins words or papers, not a word with a paper:</source>
        <translation>OR 连接的是词语或报纸，不能把词语与 paper: 相连</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="124" />
        <source>the query has more than {limit} words</source>
        <translation>检索式的词超过 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="125" />
        <source>the query has more than {limit} paper: and date: filters</source>
        <translation>检索式的 paper: 和 date: 条件超过 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="135" />
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="136" />
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="137" />
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="138" />
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="139" />
        <source>a ZIP archive (or a Word/Office file)</source>
        <translation>ZIP 压缩包（或 Word/Office 文件）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="140" />
        <source>an old Office document</source>
        <translation>旧版 Office 文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="143" />
        <source>a named pipe</source>
        <translation>命名管道</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="144" />
        <source>a device</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="145" />
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="146" />
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="149" />
        <source>the library folder</source>
        <translation>书库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="150" />
        <source>the folder added</source>
        <translation>所添加的文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="151" />
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="152" />
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="153" />
        <source>name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="156" />
        <source>paper</source>
        <translation>报纸名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="157" />
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="158" />
        <source>page</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="20" />
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="22" />
        <source>it looks like a binary file, not page text</source>
        <translation>这像是二进制文件，不是版面文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="23" />
        <source>its text is not UTF-8, GB18030/GBK or UTF-16 (another encoding such as Big5 or Shift-JIS?); convert it to UTF-8</source>
        <translation>文本不是 UTF-8、GB18030/GBK 或 UTF-16 编码（可能是 Big5、Shift-JIS 等其他编码？），请转换为 UTF-8</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="42" />
        <source>the library folder does not exist</source>
        <translation>书库文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="96" />
        <source>empty quotes "" find nothing: put the words between them</source>
        <translation>空引号 "" 找不到任何内容：请把词语写在引号之间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="114" />
        <source>OR needs a word on each side, e.g. 钱塘 OR 上城</source>
        <translation>OR 两边都需要词语，例如 钱塘 OR 上城</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="116" />
        <source>OR cannot join an excluded word (one starting with -)</source>
        <translation>OR 不能连接排除的词（以 - 开头的词）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="93" />
        <source>the query is empty: type a word to find</source>
        <translation>检索式为空：请输入要查找的词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="127" />
        <source>a query cannot only exclude: add a word, a paper: or a date: to find</source>
        <translation>检索式不能只有排除项：请加上要查找的词、paper: 或 date:</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="16" />
        <source>the kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="17" />
        <source>the title</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="18" />
        <source>the subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="19" />
        <source>the byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="20" />
        <source>a section head</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="21" />
        <source>body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="22" />
        <source>not part of any article</source>
        <translation>不属于任何文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="23" />
        <source>the paper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="24" />
        <source>the date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="25" />
        <source>the page number</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="26" />
        <source>the issue number</source>
        <translation>期号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="39" />
        <source>a new article starts at “%1”</source>
        <translation>从“%1”起另成一篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="42" />
        <source>“%1” and the article after it are one</source>
        <translation>“%1”与其后一篇合为一篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="45" />
        <source>“%1” is %2</source>
        <translation>“%1”是%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="49" />
        <source>%1 removed (was “%2”)</source>
        <translation>删去%1（原为“%2”）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="51" />
        <source>%1 set to “%2”</source>
        <translation>%1改为“%2”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="54" />
        <source>“%1” corrected to “%2”</source>
        <translation>“%1”改为“%2”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="57" />
        <source>“%1” joined with its continuation (%2)</source>
        <translation>“%1”与其转版部分合并（%2）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_text.py" line="60" />
        <source>%1 of the page set to %2</source>
        <translation>本版%1改为%2</translation>
    </message>
</context>
<context>
    <name>CorrectionsController</name>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="126" />
        <source>Open an article to correct it.</source>
        <translation>请先打开要更正的文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="135" />
        <source>Put the cursor in a paragraph of the article (or on a line of its headline) first.</source>
        <translation>请先把光标放在文章的某一段（或标题的某一行）中。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="161" />
        <source>Split the Article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="179" />
        <source>There is no article after this one on its page.</source>
        <translation>本版这篇文章之后没有文章了。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="180" />
        <source>There is no article before this one on its page.</source>
        <translation>本版这篇文章之前没有文章了。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="186" />
        <source>The article has no neighbour there any more.</source>
        <translation>这篇文章在那一侧已没有相邻的文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="190" />
        <source>Merge Articles</source>
        <translation>合并文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="200" />
        <source>This article does not continue on another page (no 下转 or 上接 line).</source>
        <translation>这篇文章没有转到其他版面（没有“下转”或“上接”）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="209" />
        <source>No article on page %1 of this issue continues this one (or the page is not in the library).</source>
        <translation>本期第%1版没有接续这篇的文章（或该版不在文库中）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="224" />
        <source>Merge with the Continuation</source>
        <translation>与转版部分合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="234" />
        <source>Set What a Line Is</source>
        <translation>设定一行的类别</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="248" />
        <source>Correct the Headline</source>
        <translation>更正标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="262" />
        <source>Fix Words</source>
        <translation>改正文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="272" />
        <source>The page %1 holds no article to date.</source>
        <translation>版面 %1 中没有可以指定日期的文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="276" />
        <source>Assign the Date %1</source>
        <translation>指定日期 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="292" />
        <source>Correct the Page</source>
        <translation>更正版面信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="83" />
        <source>A correction is being saved; one moment.</source>
        <translation>正在保存一项更正，请稍候。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="321" />
        <source>This library's folder cannot be written: your corrections of it are kept in your own data folder (%1) and shown only to you. “reader corrections export” moves them to another machine.</source>
        <translation>文库文件夹不可写入：你对它的更正保存在你自己的数据文件夹（%1）中，只有你能看到。可用“reader corrections export”把它们带到另一台电脑。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="325" />
        <source>Corrected: %1 (Ctrl+Z takes it back).</source>
        <translation>已更正：%1（按 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="335" />
        <source>Not corrected: %1</source>
        <translation>未更正：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections_controller.py" line="352" />
        <source>A correction of this page no longer applies (the page was read anew): %1. It is kept, and listed in Library Information.</source>
        <translation>本版有一项更正已不再适用（版面已重新读取）：%1。该更正仍保留，并列在“文库信息”中。</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../reader/ui/errors.py" line="85" />
        <source>Something Went Wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="91" />
        <source>The reader keeps running. If something looks wrong, restart it.

The details were written to the log file:
%1</source>
        <translation>阅读器仍在运行。如有异常，请重新启动它。

详细信息已写入日志文件：
%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="94" />
        <source>Open the Log Folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="100" />
        <source>The reader keeps running. If something looks wrong, restart it.

No log file could be written in %1; the details were printed on the terminal.</source>
        <translation>阅读器仍在运行。如有异常，请重新启动它。

无法在 %1 中写入日志文件；详细信息已输出到终端。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="110" />
        <source>An unexpected error occurred: %1</source>
        <translation>发生意外错误：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/errors.py" line="112" />
        <source>(%n error(s) so far)</source>
        <translation>
            <numerusform>（至今共 %n 个错误）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExcerptsController</name>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="56" />
        <source>Select a passage of the article's text first, then save it as an excerpt.</source>
        <translation>请先在文章正文中选中一段文字，再保存为摘录。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="60" />
        <source>Excerpts</source>
        <translation>摘录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="61" />
        <source>This passage cannot be saved: %1</source>
        <translation>无法保存这段摘录：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/excerpts_controller.py" line="75" />
        <source>Excerpt saved (%n character(s)) from %1</source>
        <translation>
            <numerusform>已保存摘录（%n个字），出自：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="87" />
        <source>Looking for the excerpt…</source>
        <translation>正在查找摘录…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="107" />
        <source>Excerpt</source>
        <translation>摘录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="108" />
        <source>The article of this excerpt can no longer be found in the library:
%1

The excerpt, its text and its note are kept.</source>
        <translation>在书库中已找不到这段摘录所在的文章：
%1

摘录、其文字和笔记都已保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="121" />
        <source>The passage of this excerpt is no longer in the article; the excerpt keeps its text: “%1”</source>
        <translation>文章中已找不到这段摘录的文字；摘录保留了原文：“%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/excerpts_controller.py" line="127" />
        <source>The passage was found changed: the article was corrected since.</source>
        <translation>找到的段落已有改动：文章此后经过校正。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="175" />
        <source>Not exported: %1 was left as it was.</source>
        <translation>未导出：%1 保持原样。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="207" />
        <source>Replace the File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="208" />
        <source>%1 exists already. Replace it with the export?</source>
        <translation>%1 已存在。要用导出的文件替换它吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="59" />
        <source>Export Articles</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="46" />
        <source>Plain text (.txt)</source>
        <translation>纯文本 (.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="78" />
        <source>One file per article, in a folder</source>
        <translation>每篇一个文件，存入文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="81" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="86" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="88" />
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="224" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="97" />
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="98" />
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="102" />
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="150" />
        <source>Export to Folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="153" />
        <source>Export to File</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="198" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="200" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="229" />
        <source>Exported %n file(s) to %1.</source>
        <translation>
            <numerusform>已导出%n个文件到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="235" />
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="237" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="243" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../reader/ui/export_flow.py" line="66" />
        <source>Citation copied: %1</source>
        <translation>已复制引文：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_flow.py" line="75" />
        <source>The open article: %1</source>
        <translation>当前文章：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="80" />
        <source>The selected text (%n character(s))</source>
        <translation>
            <numerusform>选中的文字（%n个字）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="87" />
        <source>The %n selected bookmark(s)</source>
        <translation>
            <numerusform>所选的%n个书签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="94" />
        <source>The %n selected article(s)</source>
        <translation>
            <numerusform>所选的%n篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="100" />
        <source>All %n bookmark(s)</source>
        <translation>
            <numerusform>全部%n个书签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_flow.py" line="105" />
        <source>All %n hit(s) of the search %1</source>
        <translation>
            <numerusform>检索“%1”的全部%n条结果</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_flow.py" line="115" />
        <source>Open an article, select some, or search first.</source>
        <translation>请先打开一篇文章、选择几篇或进行检索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_flow.py" line="120" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/views/find_bar.py" line="21" />
        <source>Find in this article</source>
        <translation>在本文中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/find_bar.py" line="25" />
        <source>Previous occurrence (Shift+F3)</source>
        <translation>上一处（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/find_bar.py" line="28" />
        <source>Next occurrence (F3)</source>
        <translation>下一处（F3）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/find_bar.py" line="34" />
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/find_bar.py" line="37" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/find_bar.py" line="67" />
        <source>no match</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>HeadlineDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/headline_dialog.py" line="18" />
        <source>Correct the Headline</source>
        <translation>更正标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/headline_dialog.py" line="20" />
        <source>&amp;Kicker:</source>
        <translation>引题(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/headline_dialog.py" line="20" />
        <source>&amp;Title:</source>
        <translation>主标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/headline_dialog.py" line="21" />
        <source>&amp;Subtitle:</source>
        <translation>副题(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/headline_dialog.py" line="21" />
        <source>&amp;Byline:</source>
        <translation>署名(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>IssueCalendar</name>
    <message>
        <location filename="../../reader/ui/views/calendar.py" line="146" />
        <source>lunar %1</source>
        <translation>农历%1</translation>
    </message>
</context>
<context>
    <name>IssueList</name>
    <message>
        <location filename="../../reader/ui/views/issue_list.py" line="27" />
        <source>Show the issues of one paper</source>
        <translation>只显示一份报纸的各期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/issue_list.py" line="39" />
        <source>Assign Date…</source>
        <translation>设定日期…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/issue_list.py" line="57" />
        <source>All papers</source>
        <translation>全部报纸</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/models/issue_tree.py" line="167" />
        <source>Undated pages (%n)</source>
        <translation>
            <numerusform>未标日期的版面（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/issue_tree.py" line="175" />
        <source>%1 %2
Pages in the library: %3</source>
        <translation>%1 %2
库中版面：%3</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/issue_tree.py" line="177" />
        <source>undated</source>
        <translation>未标日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/issue_tree.py" line="198" />
        <source>No. %1</source>
        <translation>第%1期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/issue_tree.py" line="206" />
        <source>%1/%2 pages</source>
        <translation>%1/%2版</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/issue_tree.py" line="211" />
        <source>pages: %1</source>
        <translation>%1版</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/issue_tree.py" line="181" />
        <source>Date from: %1</source>
        <translation>日期来自：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/issue_tree.py" line="183" />
        <source>Paper from: %1</source>
        <translation>报名来自：%1</translation>
    </message>
</context>
<context>
    <name>IssueView</name>
    <message>
        <location filename="../../reader/ui/views/issue_view.py" line="100" />
        <source>No issue open</source>
        <translation>未打开报纸</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="112" />
        <source>&amp;Recent Libraries</source>
        <translation>最近的书库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="133" />
        <source>Open a Library Folder</source>
        <translation>打开书库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="75" />
        <source>Sample Newspapers</source>
        <translation>示例报纸</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="179" />
        <source>(not found)</source>
        <translation>（找不到）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="184" />
        <source>No library opened yet</source>
        <translation>尚未打开过书库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="188" />
        <source>The &amp;Sample Newspapers</source>
        <translation>示例报纸(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="209" />
        <source>Add Pages to the Library</source>
        <translation>向书库添加版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="210" />
        <source>Page files (*.txt);;All files (*)</source>
        <translation>版面文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="217" />
        <source>Add a Folder of Pages to the Library</source>
        <translation>向书库添加一个文件夹的版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="233" />
        <source>Pages are being added already; add these when that is done.</source>
        <translation>正在添加版面；请等它完成后再添加这些。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="236" />
        <location filename="../../reader/ui/library_controller.py" line="273" />
        <source>Adding pages</source>
        <translation>正在添加版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="251" />
        <location filename="../../reader/ui/library_controller.py" line="265" />
        <source>A Library of Your Own</source>
        <translation>自己的书库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="252" />
        <source>The sample newspapers are kept in the reader's own folder, which is no place for your pages.

Choose a folder for your own library (or make a new one in the dialog): the pages are copied there, arranged by paper and date, and that library opens.</source>
        <translation>示例报纸存放在阅读器自己的文件夹中，不宜放入您的版面。

请为自己的书库选择一个文件夹（也可以在对话框中新建）：版面会按报纸和日期整理复制到那里，并打开这个书库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="260" />
        <source>Choose or Make a Folder for Your Library</source>
        <translation>选择或新建书库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="266" />
        <source>That folder belongs to the sample newspapers. Choose a folder outside the reader's own folder.</source>
        <translation>这个文件夹属于示例报纸。请选择阅读器文件夹以外的文件夹。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="278" />
        <source>The pages could not be added: %1</source>
        <translation>无法添加版面：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="286" />
        <source>Pages added: %1 new, %2 already in the library, %3 not added.</source>
        <translation>添加版面：新增 %1 个，书库中已有 %2 个，未添加 %3 个。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="372" />
        <source>You are reading the sample newspapers that come with the reader. To read your own archive, open its folder (File → Open Library Folder…, Ctrl+O), or drop page files onto this window to start a library of your own.</source>
        <translation>您正在阅读阅读器自带的示例报纸。要阅读自己的档案，请打开它所在的文件夹（文件 → 打开书库文件夹…，Ctrl+O），或把版面文件拖到本窗口，建立自己的书库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="375" />
        <source>Open Library Folder…</source>
        <translation>打开书库文件夹…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="353" />
        <source>The article files of this library do not say which paper they are from. Name the paper once and every issue shows it.</source>
        <translation>本书库的文章文件没有注明出自哪份报纸。只需填写一次报名，每期报纸都会显示。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_controller.py" line="355" />
        <source>Name the Paper…</source>
        <translation>填写报名…</translation>
    </message>
</context>
<context>
    <name>LibraryInfoDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="78" />
        <source>Library Information</source>
        <translation>书库信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="83" />
        <source>Open the Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="90" />
        <source>Paper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="90" />
        <source>Issues</source>
        <translation>期数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="90" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="90" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="91" />
        <source>First issue</source>
        <translation>最早一期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="91" />
        <source>Last issue</source>
        <translation>最近一期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="91" />
        <source>Undated pages</source>
        <translation>未标日期的版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="101" />
        <source>Page file</source>
        <translation>版面文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="102" />
        <source>Assign Date…</source>
        <translation>设定日期…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="112" />
        <source>These pages state no date the reader could read. Assigning one writes it in a small file beside the page.</source>
        <translation>这些版面上没有阅读器能读出的日期。设定日期后，日期会写进版面旁边的一个小文件里。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="109" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="109" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="115" />
        <source>These files were left out or need a look; the rest of the library is read as usual.</source>
        <translation>这些文件被略过或需要查看；书库的其余部分照常读取。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="155" />
        <source>Library: %1</source>
        <translation>书库：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="156" />
        <source>%1 issues, %2 pages, %3 articles</source>
        <translation>%1 期，%2 个版面，%3 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="160" />
        <source>from %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="186" />
        <source>Papers (%1)</source>
        <translation>报纸（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="187" />
        <source>Undated Pages (%1)</source>
        <translation>未标日期的版面（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="189" />
        <source>Problem Files (%1)</source>
        <translation>有问题的文件（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="92" />
        <source>Dates from</source>
        <translation>日期来自</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="92" />
        <source>Name from</source>
        <translation>报名来自</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="123" />
        <source>Paper of the pages that name none:</source>
        <translation>未注明报名的版面所属报纸：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="96" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="205" />
        <source>Saved in %1 in the library folder; a masthead or a folder named like a paper still names its own pages.</source>
        <translation>保存在书库文件夹的 %1 中；报头或以报名命名的文件夹仍决定其中版面的报名。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="216" />
        <source>Settings Not Saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="200" />
        <source>The article files of this library do not name their paper: type its name above and save it (it is kept in %1 in the library folder).</source>
        <translation>本书库的文章文件没有注明报名：请在上面输入报名并保存（保存在书库文件夹的 %1 中）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="217" />
        <source>The paper's name could not be saved in %1:
%2

The library folder may be read-only.</source>
        <translation>报名无法保存到 %1：
%2

书库文件夹可能是只读的。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="95" />
        <source>e.g. 人民日报</source>
        <translation>例如 人民日报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="44" />
        <source>file names and folders</source>
        <translation>文件名和文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="43" />
        <source>mastheads</source>
        <translation>报头</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="42" />
        <source>sidecar files</source>
        <translation>附注文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="45" />
        <source>the library settings</source>
        <translation>书库设置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/library_info.py" line="46" />
        <source>the text (suggested only)</source>
        <translation>正文（仅为建议）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/app.py" line="35" />
        <location filename="../../reader/ui/app.py" line="57" />
        <source>Newspaper Reader</source>
        <translation>报刊阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="130" />
        <source>The list of recent libraries could not be saved in %1: %2</source>
        <translation>最近书库列表无法保存到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="170" />
        <source>Issue</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="171" />
        <source>Search Results</source>
        <translation>检索结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="173" />
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="213" />
        <source>&amp;Search:</source>
        <translation>检索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/status_area.py" line="32" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/status_area.py" line="37" />
        <source>Show the files that could not be read</source>
        <translation>显示无法读取的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="34" />
        <source>&amp;Open Library Folder…</source>
        <translation>打开书库文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="36" />
        <source>Open S&amp;hared Archive…</source>
        <translation>打开共享档案库(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="38" />
        <source>&amp;Add Pages…</source>
        <translation>添加版面(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="39" />
        <source>Add a &amp;Folder of Pages…</source>
        <translation>添加版面文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="41" />
        <source>&amp;Reload Library</source>
        <translation>重新读取书库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="42" />
        <source>Library &amp;Information…</source>
        <translation>书库信息(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="44" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="45" />
        <source>&amp;Search the Archive</source>
        <translation>检索全部报刊(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="46" />
        <source>&amp;Find in Article</source>
        <translation>在本文中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="48" />
        <source>Next &amp;Occurrence</source>
        <translation>下一处(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="51" />
        <source>&amp;Previous Occurrence</source>
        <translation>上一处(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="52" />
        <source>&amp;Larger Text</source>
        <translation>放大字号(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="54" />
        <source>S&amp;maller Text</source>
        <translation>缩小字号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="55" />
        <source>&amp;Normal Text Size</source>
        <translation>默认字号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="57" />
        <source>Se&amp;rif Type</source>
        <translation>宋体/衬线字(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="59" />
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="63" />
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="64" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="65" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="68" />
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="73" />
        <source>Pre&amp;vious Article</source>
        <translation>上一篇(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="75" />
        <source>Ne&amp;xt Article</source>
        <translation>下一篇(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77" />
        <source>Previous &amp;Issue</source>
        <translation>上一期(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="79" />
        <source>Next I&amp;ssue</source>
        <translation>下一期(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="82" />
        <source>Previous &amp;Month with Issues</source>
        <translation>上一个有报纸的月份(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="83" />
        <source>Next M&amp;onth with Issues</source>
        <translation>下一个有报纸的月份(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="87" />
        <source>&amp;Calendar</source>
        <translation>日历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="88" />
        <source>Issue &amp;List</source>
        <translation>报纸列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="89" />
        <source>&amp;Pages of the Issue</source>
        <translation>本期版面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="90" />
        <source>Search &amp;Results</source>
        <translation>检索结果(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="91" />
        <source>&amp;Article</source>
        <translation>正文(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="95" />
        <source>&amp;Bookmark This Article</source>
        <translation>收藏本文(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="97" />
        <source>&amp;Edit Note and Tags…</source>
        <translation>编辑笔记和标签(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="99" />
        <source>Save E&amp;xcerpt…</source>
        <translation>保存摘录(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="102" />
        <source>&amp;Remove Selected Bookmarks</source>
        <translation>删除所选书签(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="103" />
        <source>Show &amp;Bookmarks</source>
        <translation>显示书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="105" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="106" />
        <source>&amp;Copy Citation</source>
        <translation>复制引文(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="110" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="112" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="114" />
        <source>A &amp;New Article Starts Here</source>
        <translation>从这里另起一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="117" />
        <source>&amp;Merge with the Next Article</source>
        <translation>与下一篇合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="119" />
        <source>Merge with the &amp;Previous Article</source>
        <translation>与上一篇合并(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="122" />
        <source>Merge with Its &amp;Continuation (下转/上接)</source>
        <translation>与转版部分合并（下转/上接）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="124" />
        <source>Correct the &amp;Headline…</source>
        <translation>更正标题(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="126" />
        <source>Fix &amp;Words…</source>
        <translation>改正文字(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="129" />
        <source>Correct the P&amp;age's Paper, Date, Number…</source>
        <translation>更正本版的报名、日期、版次(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="133" />
        <source>the &amp;Kicker</source>
        <translation>引题(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="134" />
        <source>the &amp;Title</source>
        <translation>主标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="135" />
        <source>the &amp;Subtitle</source>
        <translation>副题(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="136" />
        <source>the &amp;Byline</source>
        <translation>署名(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="137" />
        <source>a S&amp;ection Head</source>
        <translation>小标题(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="138" />
        <source>Bo&amp;dy Text</source>
        <translation>正文(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="139" />
        <source>&amp;Not Part of Any Article</source>
        <translation>不属于任何文章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="142" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="144" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="19" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="31" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="35" />
        <source>&amp;Correct This Article</source>
        <translation>更正这篇文章(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="40" />
        <source>This &amp;Line Is</source>
        <translation>这一行是(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="45" />
        <source>&amp;Library</source>
        <translation>书库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="47" />
        <source>F&amp;ind</source>
        <translation>查找(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="50" />
        <source>&amp;View</source>
        <translation>显示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="55" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="57" />
        <source>L&amp;anguage</source>
        <translation>界面语言(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="60" />
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="65" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/menus.py" line="72" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/view_prefs.py" line="53" />
        <source>Preferences could not be saved in %1: %2</source>
        <translation>偏好设置无法保存到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/view_prefs.py" line="64" />
        <source>Text size %1 pt</source>
        <translation>字号 %1 磅</translation>
    </message>
    <message>
        <location filename="../../reader/ui/view_prefs.py" line="89" />
        <source>The language changes when the reader is started again.</source>
        <translation>界面语言将在下次启动时更换。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="49" />
        <source>The library folder %1 cannot be reached. What was read before is shown; new pages appear when the folder is back.</source>
        <translation>无法访问书库文件夹 %1。现在显示的是之前读到的内容；文件夹恢复后，新版面会自动出现。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="59" />
        <source>Reading the library…</source>
        <translation>正在读取书库…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="64" />
        <source>Reading pages</source>
        <translation>正在读取版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="69" />
        <source>The library could not be read: %1</source>
        <translation>无法读取书库：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="81" />
        <source>%1 issues, %2 articles</source>
        <translation>共%1期，%2篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="87" />
        <source>Library updated: %1 new, %2 changed, %3 removed page files.</source>
        <translation>书库已更新：新增 %1 个、改动 %2 个、移除 %3 个版面文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="95" />
        <source>Preparing search…</source>
        <translation>正在准备检索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="96" />
        <source>The page file of the open article was removed from the library (%1). The text shown is what was read before.</source>
        <translation>当前文章所在的版面文件已从书库中移除（%1）。现在显示的是之前读到的文字。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="103" />
        <source>The page file of the open article was changed (%1) and no longer holds this text. The text shown is what was read before; open the issue again for the new one.</source>
        <translation>当前文章所在的版面文件已改动（%1），其中已没有这段文字。现在显示的是之前读到的文字；重新打开本期可看到新内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="125" />
        <source>The open article was changed on its page (%1); it is shown as it reads now.</source>
        <translation>打开的文章在其版面上已被更改（%1）；现在显示的是更改后的内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="171" />
        <source>Article %1 is not in the library.</source>
        <translation>书库中没有文章 %1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading.py" line="240" />
        <source>%1 of this issue is not in the library.</source>
        <translation>本期的%1不在书库中。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_presenter.py" line="129" />
        <source>The search index is being prepared; your search runs when it is ready.</source>
        <translation>检索索引正在准备中，完成后将自动检索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_presenter.py" line="125" />
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_presenter.py" line="150" />
        <source>This query cannot be read: %1</source>
        <translation>无法理解这个检索式：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_presenter.py" line="152" />
        <source>The search could not be done: %1</source>
        <translation>无法完成检索：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="101" />
        <location filename="../../reader/ui/work_status.py" line="120" />
        <source>Rebuilding the search index</source>
        <translation>正在重建检索索引</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="104" />
        <source>Indexing for search</source>
        <translation>正在建立检索索引</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="110" />
        <source>Waiting for the search index</source>
        <translation>正在等待检索索引</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="112" />
        <source>Another reader (a window or a command) is updating the search index of this library; this one waits for it.</source>
        <translation>另一个阅读器（窗口或命令）正在更新本书库的检索索引；本窗口等它完成。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="122" />
        <source>The search index cannot be used (%1) and is being rebuilt; search works again when it is done.</source>
        <translation>检索索引无法使用（%1），正在重建；重建完成后即可检索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="131" />
        <source>The search index was rebuilt (it could not be used: %1). Search ready.</source>
        <translation>检索索引已重建（原索引无法使用：%1）。可以检索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="135" />
        <source>Search ready.</source>
        <translation>可以检索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/work_status.py" line="139" />
        <source>The search index could not be built: %1</source>
        <translation>无法建立检索索引：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="501" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="23" />
        <source>About Newspaper Reader</source>
        <translation>关于报刊阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="24" />
        <source>Newspaper Reader: read, search, bookmark and export Chinese local newspaper archives.
Library: %1</source>
        <translation>报刊阅读器：阅读、检索、收藏和导出地方报纸。
书库：%1</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../reader/ui/views/message_bar.py" line="41" />
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>NameFacets</name>
    <message>
        <location filename="../../reader/ui/views/name_facets.py" line="21" />
        <source>Persons:</source>
        <translation>人物：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/name_facets.py" line="22" />
        <source>Places:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/name_facets.py" line="23" />
        <source>Organisations:</source>
        <translation>机构：</translation>
    </message>
</context>
<context>
    <name>OpenSharedArchiveDialog</name>
    <message>
        <location filename="../../reader/ui/shared_archive_dialog.py" line="42" />
        <source>Open Shared Archive</source>
        <translation>打开共享档案库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shared_archive_dialog.py" line="47" />
        <source>The address of the archive's database, as its administrator gave it: postgresql://user@host/database, or service=NAME for an entry of your libpq service file.</source>
        <translation>档案库数据库的地址(由管理员提供):postgresql://用户@主机/数据库,或 service=名称(libpq 服务文件中的条目)。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shared_archive_dialog.py" line="57" />
        <source>The reader does not ask for or keep passwords: PostgreSQL finds yours in ~/.pgpass (or PGPASSFILE), your service file or PGPASSWORD.</source>
        <translation>阅读器不询问也不保存密码:PostgreSQL 会从 ~/.pgpass(或 PGPASSFILE)、服务文件或 PGPASSWORD 中读取。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shared_archive_dialog.py" line="77" />
        <source>This is not the address of an archive: it begins with postgresql:// (or service=).</source>
        <translation>这不是档案库的地址:地址以 postgresql://(或 service=)开头。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shared_archive_dialog.py" line="80" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shared_archive_dialog.py" line="98" />
        <source>The archive could not be opened: %1</source>
        <translation>无法打开档案库:%1</translation>
    </message>
</context>
<context>
    <name>PageArticleModel</name>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="58" />
        <source>Page ?</source>
        <translation>第?版</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="59" />
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="214" />
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="214" />
        <source>Byline</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="214" />
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/models/page_articles.py" line="271" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n篇</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="277" />
        <source>Not in the library: pages %1</source>
        <translation>书库中缺：第%1版</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="280" />
        <source>Guide: %1</source>
        <translation>导读：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="285" />
        <source>(derived)</source>
        <translation>（推断）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="287" />
        <source>(from p. %1) </source>
        <translation>（上接第%1版）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="289" />
        <source> (continued on p. %1)</source>
        <translation>（下转第%1版）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/models/page_articles.py" line="293" />
        <source>%n char(s)</source>
        <translation>
            <numerusform>%n字</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="300" />
        <source>%1 (absent)</source>
        <translation>%1（缺）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="307" />
        <source>The page lost this headline; it is derived from the text.</source>
        <translation>版面上缺少这篇文章的标题，此标题据正文推断。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="310" />
        <source>Guide entry pointing to: %1</source>
        <translation>导读指向：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/page_articles.py" line="313" />
        <source>These pages of the issue are not in the library.</source>
        <translation>本期的这些版面不在书库中。</translation>
    </message>
</context>
<context>
    <name>PageFieldsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/page_fields.py" line="30" />
        <source>Correct the Page</source>
        <translation>更正版面信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/page_fields.py" line="33" />
        <source>What the page %1 says of itself. A change is kept with the page (Ctrl+Z takes it back).</source>
        <translation>版面 %1 自身标明的信息。改动随版面保存（按 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/page_fields.py" line="40" />
        <source>&amp;Paper:</source>
        <translation>报名(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/page_fields.py" line="41" />
        <source>&amp;Dated:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/page_fields.py" line="47" />
        <location filename="../../reader/ui/dialogs/page_fields.py" line="49" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/page_fields.py" line="48" />
        <source>Page &amp;number:</source>
        <translation>版次(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/page_fields.py" line="50" />
        <source>&amp;Issue number:</source>
        <translation>期号(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>Restart</name>
    <message>
        <location filename="../../reader/ui/restart.py" line="21" />
        <source>Restart the Reader</source>
        <translation>重新启动阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restart.py" line="22" />
        <source>The new language is used from the next start. Restart the reader now?</source>
        <translation>新的界面语言在下次启动时生效。现在重新启动阅读器吗？</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="59" />
        <source>Best match first</source>
        <translation>按相关度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="60" />
        <source>Newest first</source>
        <translation>按日期（新→旧）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="61" />
        <source>Order of the hits</source>
        <translation>结果的排序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="63" />
        <source>Show hits from one paper</source>
        <translation>只显示一份报纸的结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="64" />
        <source>From</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="102" />
        <source>Type words to look for in the search box above.</source>
        <translation>在上方检索框中输入要查找的词语。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="120" />
        <source>All papers</source>
        <translation>全部报纸</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="187" />
        <source>The date: in the search sets the dates.</source>
        <translation>检索式中的 date: 决定了日期。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/views/results_panel.py" line="196" />
        <source>%n hit(s)</source>
        <translation>
            <numerusform>共%n条结果</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/results_panel.py" line="203" />
        <source>No article matches this search.</source>
        <translation>没有文章符合这个检索。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../reader/ui/views/search_box.py" line="33" />
        <source>Search the archive: words, "phrases", -exclude, paper:, date:2022-08</source>
        <translation>检索：词语、"短语"、-排除、paper:报纸、date:2022-08</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../reader/ui/settings.py" line="54" />
        <source>%1 could not be read (%2). The defaults are used; the file was kept as %3.</source>
        <translation>无法读取 %1（%2）。已改用默认设置；原文件另存为 %3。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings.py" line="58" />
        <source>%1 could not be read (%2). The defaults are used; the file was left in place.</source>
        <translation>无法读取 %1（%2）。已改用默认设置；原文件保留在原处。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings.py" line="95" />
        <source>%1 could not be read (%2). The defaults are used.</source>
        <translation>无法读取 %1（%2）。已改用默认设置。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings.py" line="144" />
        <source>Settings cannot be saved: the folder %1 cannot be created (%2). The reader works with its defaults.</source>
        <translation>设置无法保存：无法创建文件夹 %1（%2）。阅读器将使用默认设置运行。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings.py" line="206" />
        <source>it is not a settings file</source>
        <translation>不是设置文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings.py" line="212" />
        <source>it holds no settings</source>
        <translation>其中没有任何设置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings.py" line="216" />
        <source>its %1 is not in the form the reader writes</source>
        <translation>其中的 %1 不是阅读器写入的格式</translation>
    </message>
</context>
<context>
    <name>SharedArchiveStatus</name>
    <message>
        <location filename="../../reader/ui/shared_archive.py" line="113" />
        <source>A shared archive is brought up to date by its administrator's import.</source>
        <translation>共享档案库由管理员导入更新。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shared_archive.py" line="123" />
        <source>The connection to the shared archive %1 was lost. What is on screen stays; nothing is saved until it is back. Reconnecting…</source>
        <translation>与共享档案库 %1 的连接已断开。屏幕上的内容保持不变;连接恢复前不会保存任何内容。正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shared_archive.py" line="130" />
        <source>Connected again to the shared archive %1.</source>
        <translation>已重新连接到共享档案库 %1。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="56" />
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="58" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="58" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>TimelineNames</name>
    <message>
        <location filename="../../reader/ui/timeline_names.py" line="64" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_names.py" line="67" />
        <source>This query cannot be read: %1</source>
        <translation>无法理解这个检索式：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_names.py" line="71" />
        <source>The search index is being prepared; the timeline follows.</source>
        <translation>正在准备检索索引，准备好后显示时间线。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_names.py" line="73" />
        <source>Type a query to see when it was written about.</source>
        <translation>输入检索词，看看它在哪些时候被报道。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="62" />
        <source>+ Compare</source>
        <translation>+ 对比</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="63" />
        <source>Add a query to compare on the same chart</source>
        <translation>再加一个检索词，在同一张图上对比</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="67" />
        <source>By year</source>
        <translation>按年</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="67" />
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="68" />
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="72" />
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="73" />
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="74" />
        <source>Share of all articles</source>
        <translation>占全部文章的比例</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="76" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="79" />
        <source>Chart as PNG…</source>
        <translation>图表存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="80" />
        <source>Chart as SVG…</source>
        <translation>图表存为 SVG…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="81" />
        <source>Numbers as CSV…</source>
        <translation>数据存为 CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="94" />
        <source>Timeline of</source>
        <translation>时间线：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="109" />
        <source>Type a query to see when it was written about.</source>
        <translation>输入检索词，看看它在哪些时候被报道。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="121" />
        <source>Query</source>
        <translation>检索词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="122" />
        <source>Query (follows the search box)</source>
        <translation>检索词（跟随检索框）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="162" />
        <source>matching articles</source>
        <translation>命中文章数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="163" />
        <source>occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="164" />
        <source>share of all articles</source>
        <translation>占全部文章的比例</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="167" />
        <source>Point at a bar for its count; click it to see its hits.</source>
        <translation>鼠标指向柱子可看数量；点击可查看该时段的检索结果。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/views/timeline_view.py" line="170" />
        <source>%n undated hit(s) are not on the chart.</source>
        <translation>
            <numerusform>另有 %n 条结果没有日期，不在图中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="196" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="196" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="197" />
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/views/timeline_view.py" line="199" />
        <source>Export the Timeline</source>
        <translation>导出时间线</translation>
    </message>
</context>
<context>
    <name>WordsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/words_dialog.py" line="23" />
        <source>Fix Words</source>
        <translation>改正文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/words_dialog.py" line="29" />
        <source>In the paragraph:</source>
        <translation>所在段落：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/words_dialog.py" line="36" />
        <source>&amp;Words as printed:</source>
        <translation>原文(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/words_dialog.py" line="37" />
        <source>&amp;Should read:</source>
        <translation>应为(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>WorkStatus</name>
    <message numerus="yes">
        <location filename="../../reader/ui/work_status.py" line="76" />
        <source>%n problem file(s)</source>
        <translation>
            <numerusform>%n 个有问题的文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/work_status.py" line="84" />
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n 个文件无法读取</numerusform>
        </translation>
    </message>
</context>
</TS>
