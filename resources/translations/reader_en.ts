<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>IssueTreeModel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/models/issue_tree.py" line="165" />
        <source>Undated pages (%n)</source>
        <translation>
            <numerusform>Undated pages (%n)</numerusform><numerusform>Undated pages (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/models/issue_tree.py" line="201" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../reader/ui/mainwindow.py" line="437" />
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform><numerusform>%n files could not be read</numerusform></translation>
    </message>
</context>
<context>
    <name>PageArticleModel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/models/page_articles.py" line="248" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform><numerusform>%n articles</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/models/page_articles.py" line="270" />
        <source>%n char(s)</source>
        <translation>
            <numerusform>%n char</numerusform><numerusform>%n chars</numerusform></translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/views/results_panel.py" line="119" />
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform><numerusform>%n hits</numerusform></translation>
    </message>
</context>
</TS>