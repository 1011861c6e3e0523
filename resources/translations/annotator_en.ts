<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AgreementCharts</name>
        <message>
            <source>missed</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>rows: the first annotator of each pair (by name) · columns: the second</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n matched or missed spans</source>
            <translation>
                <numerusform>%n matched or missed span</numerusform>
                <numerusform>%n matched or missed spans</numerusform>
            </translation>
        </message>
        <message>
            <source>{row} → {column}: {count}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>F1 exact</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>F1 overlap</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{label}: F1 exact {exact}, F1 overlap {overlap} ({spans} spans)</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>AgreementModels</name>
        <message>
            <source>{done} done and {started} in progress of {total}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>AgreementView</name>
        <message>
            <source>Agreement and progress</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Layer:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>F1 exact</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>F1 overlap</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Fleiss' κ</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Krippendorff's α</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotator A</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotator B</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Cohen's κ</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Attribute</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Compared</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotators</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Set</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>In progress</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>New</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Pairs</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Confusion</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Labels</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Attributes</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Disputed documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Pro&amp;gress</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The figures could not be computed: {reason}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Computing the figures…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No document has been done by two or more annotators yet, so there is nothing to compare. Give documents to several annotators with “annotator assign --overlap”, then merge their packages back with “annotator merge”. Each set's progress is below.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotators: {names}</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>{kappa} (on the %n documents every annotator did)</source>
            <translation>
                <numerusform>{kappa} (on the %n document every annotator did)</numerusform>
                <numerusform>{kappa} (on the %n documents every annotator did)</numerusform>
            </translation>
        </message>
        <message>
            <source>Claimant</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Compared on the spans two annotators both marked with the same boundaries or overlapping, pair by pair.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No matched span of this layer carries an attribute or a claimant to compare.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{name} (adjudicated)</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>AnnotatingCommands</name>
        <message>
            <source>Nothing to label in the selection</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select some text first (drag, Shift+arrows, or double-click a word)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Click a span to select it, then press Delete</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>This span is the claimant of %n claims:
{claims}

Delete it and leave those claims without a claimant? (Ctrl+Z undoes it)</source>
            <translation>
                <numerusform>This span is the claimant of %n claim:
{claims}

Delete it and leave those claims without a claimant? (Ctrl+Z undoes it)</numerusform>
                <numerusform>This span is the claimant of %n claims:
{claims}

Delete it and leave those claims without a claimant? (Ctrl+Z undoes it)</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete a claimant?</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Nothing to redo</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Undid: {action}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Redid: {action}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Click an entity span first, then press K to link it</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{label} spans are not linked to canonical entities</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>«{text}» is {entity}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no mentions</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>«{title}» is marked done. Mark it skipped instead? Its spans are kept, and Ctrl+Z undoes it.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Skip a done document?</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>«{title}» stays done</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select a span to edit its note and attributes</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no claimant picked</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>AnnotatorCombo</name>
        <message>
            <source>All annotators</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>AnnotatorName</name>
        <message>
            <source>Type your name: it is recorded on every span you make.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>"{gold}" is the adjudicated set, not an annotator: type your own name.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>A name has at most {n} characters.</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Font missing</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{problem}
Arabic will be shown with a system font.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>CandidateModel</name>
        <message>
            <source>in a conflict with other candidates here</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no other candidate overlaps it</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ChangeDispatch</name>
        <message>
            <source>relabelled «{text}» as {label}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>document marked {status}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ClaimFormBuilding</name>
        <message>
            <source>Default: {value}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Enter: save · Shift+Enter: new line · Esc: save, back to the text</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Pick in text</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Click the entity span of the claimant in the article</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Use selection</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The text selected in the article becomes the {attribute}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Clear</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Remove the {attribute}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ClaimFormFilling</name>
        <message>
            <source>{value} (unknown)</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ClaimPanel</name>
        <message>
            <source>Attribute guidelines</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select a claim first</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>This span has no cue</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select a span to read its label's guideline and write a note.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select a {layer} to edit its {attributes}, …</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select a {layer} to edit its {attributes}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Entity: {name}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Not linked to a canonical entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{value} (not in the schema)</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>{item} · %n mentions</source>
            <translation>
                <numerusform>{item} · %n mention</numerusform>
                <numerusform>{item} · %n mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{context}

The mention nearest the claim, of %n mentions</source>
            <translation>
                <numerusform>{context}

The mention nearest the claim, of %n mention</numerusform>
                <numerusform>{context}

The mention nearest the claim, of %n mentions</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{attribute} cannot be edited here</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>Open &amp;recent</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Show &amp;set</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;New project…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Open project…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>import documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import &amp;folder…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>import every document in a folder</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import pre-annotations as &amp;suggestions…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>export documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Merge packages…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>bring the analysts' package files back into this project</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotate &amp;as…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>work as another annotator (your name)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>quit</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>undo</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>redo</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Delete span</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Find in &amp;documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>search documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Find in the article…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>find a name in the article (any spelling), label every match</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Find ne&amp;xt</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>next match in the article</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Find pre&amp;vious</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>previous match in the article</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Edit the selected span's &amp;attributes and note</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>edit the selected span's note, and a claim's claimant, stance, ...</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Link to canonical entity…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>link the selected entity span to a canonical entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Labels…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>add, rename, recolour labels and change their keys</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Keyboard &amp;shortcuts…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>change the keys of the commands</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>larger text</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>smaller text</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>text at its usual size</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Re&amp;view into gold</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>review mode: every annotator's spans at once, adjudicated into the gold set (again: leave review)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Reset &amp;layout</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Dark theme</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>A&amp;greement and progress…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>agreement between the annotators' sets, and each set's progress</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Next document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>next document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Previous document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>previous document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Ne&amp;xt span</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>select the next span in reading order</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Pre&amp;vious span</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>select the previous span in reading order</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Next disa&amp;greement</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>in review: outline the next candidate the annotators disagree on</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Previous dis&amp;agreement</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>in review: outline the previous candidate the annotators disagree on</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select the span at the &amp;cursor</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>select the span under the text cursor (again: the span around it)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Next pan&amp;e</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>focus the next pane: article, spans, claim, entities, documents, labels</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>P&amp;revious pane</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>focus the previous pane</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Mark &amp;done and go on</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>mark the document done and open the next</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Mark &amp;skipped and go on</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>mark the document skipped and open the next (asks first if it is done)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>this list</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Main</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>DocGuard</name>
        <message numerus="yes">
            <source>This document is read-only: its text was changed outside annotator and %n stored spans no longer match it (first at characters {start}-{end}); run `annotator check` on the project.</source>
            <translation>
                <numerusform>This document is read-only: its text was changed outside annotator and %n stored span no longer matches it (first at characters {start}-{end}); run `annotator check` on the project.</numerusform>
                <numerusform>This document is read-only: its text was changed outside annotator and %n stored spans no longer match it (first at characters {start}-{end}); run `annotator check` on the project.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Docks</name>
        <message>
            <source>Reading texts for the search… %p%</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Search (ignores diacritics and letter variants)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Spans</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Selected span</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Entities</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Labels</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{attribute}: {value}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>claimant set</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no claimant picked</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Click the span of who makes this claim (Esc cancels)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select the reporting verb (قال، أكد، وبحسب...) in the text first</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>DocumentView</name>
        <message>
            <source>The view does not show the stored text exactly; annotating it is disabled.</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>EntityBrowser</name>
        <message>
            <source>Filter entities (ignores diacritics and letter variants)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge into…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Rename the entity, change its type or aliases (F2)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge the two selected entities into the one with more mentions</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge the selected entity into another one</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Rename entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Open a mention</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>in Entities: rename the selected entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>in Entities: open the next mention of the selected entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n entities</source>
            <translation>
                <numerusform>%n entity</numerusform>
                <numerusform>%n entities</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %n entities</source>
            <translation>
                <numerusform>{shown} of %n entity</numerusform>
                <numerusform>{shown} of %n entities</numerusform>
            </translation>
        </message>
        <message>
            <source>{count} (read-only)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The project is open read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select one entity first</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Renamed to {name}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Select two entities to merge (or one, then Merge into…)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>There is no other entity to merge into</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge “{drop}” ({drop_type}, {drop_mentions}) into “{keep}” ({keep_type}, {keep_mentions})?

Every mention of “{drop}” will be linked to “{keep}”, and “{drop}” becomes one of its aliases. Undo reverses it.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge entities</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merged {drop} into {keep}</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n mentions</source>
            <translation>
                <numerusform>%n mention</numerusform>
                <numerusform>%n mentions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EntityChooser</name>
        <message>
            <source>Type to find an entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Choose an entity</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>EntityDialogs</name>
        <message numerus="yes">
            <source>Merge «{name}» (%n mentions) into:</source>
            <translation>
                <numerusform>Merge «{name}» (%n mention) into:</numerusform>
                <numerusform>Merge «{name}» (%n mentions) into:</numerusform>
            </translation>
        </message>
        <message>
            <source>Merge into…</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>EntityEditDialog</name>
        <message>
            <source>Rename entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>One alias per line, or separated by commas on a single line.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>An entity needs a name.</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>EntityPicker</name>
        <message numerus="yes">
            <source>%n mentions</source>
            <translation>
                <numerusform>%n mention</numerusform>
                <numerusform>%n mentions</numerusform>
            </translation>
        </message>
        <message>
            <source>no such span in this document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Link «{text}» ({label}) to an entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Link to entity</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source> · linked now</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Create new entity “{name}” · {label}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Not saved</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Project error</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Something went wrong: {kind}: {message}

The application keeps running. The details are in the log file:
{log}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Native JSONL (everything)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>doccano JSONL</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Prodigy / spaCy JSONL (tokens + spans)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>CoNLL-2002 IOB2</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>brat standoff (folder)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Label Studio JSON (tasks with regions)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>spaCy DocBin (.spacy, for spacy train)</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n attributes of {layer} spans</source>
            <translation>
                <numerusform>%n attribute of {layer} spans</numerusform>
                <numerusform>%n attributes of {layer} spans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n relations ({label})</source>
            <translation>
                <numerusform>%n relation ({label})</numerusform>
                <numerusform>%n relations ({label})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entity links</source>
            <translation>
                <numerusform>%n entity link</numerusform>
                <numerusform>%n entity links</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n spans of layer {layer}</source>
            <translation>
                <numerusform>%n span of layer {layer}</numerusform>
                <numerusform>%n spans of layer {layer}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nested or overlapping spans of layer {layer}</source>
            <translation>
                <numerusform>%n nested or overlapping span of layer {layer}</numerusform>
                <numerusform>%n nested or overlapping spans of layer {layer}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>the source, URL and other metadata of %n documents</source>
            <translation>
                <numerusform>the source, URL and other metadata of %n document</numerusform>
                <numerusform>the source, URL and other metadata of %n documents</numerusform>
            </translation>
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>All layers</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>All labels</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>All annotators (gold where adjudicated)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Format</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Layer</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Label</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Save to</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Tick at least one document status: nothing would be written.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{documents}, {spans} will be written.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>This format cannot carry: {losses}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The spaCy format needs spaCy: {install}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export to a new folder</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export to file</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in the article</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter, Shift+F3)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Next match (Enter, F3)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The label that Label all and In all documents give the matches</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Label all</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>A span of this label at every match the layer's overlap rule allows (one undo step)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>In all &amp;documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Store the matches of every other document as suggestions of this label: they show when those documents open</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no match</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{n} of {total}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>nothing labelled: every match overlaps a span</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>labelled %n matches {label}, {skipped} skipped (overlap)</source>
            <translation>
                <numerusform>labelled %n match {label}, {skipped} skipped (overlap)</numerusform>
                <numerusform>labelled %n matches {label}, {skipped} skipped (overlap)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>labelled %n matches {label}</source>
            <translation>
                <numerusform>labelled %n match {label}</numerusform>
                <numerusform>labelled %n matches {label}</numerusform>
            </translation>
        </message>
        <message>
            <source>Find in all documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Searching the other documents…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>search in the other documents cancelled: nothing stored</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no new match in the other documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n matches suggested as {label} (other documents: {documents})</source>
            <translation>
                <numerusform>%n match suggested as {label} (other documents: {documents})</numerusform>
                <numerusform>%n matches suggested as {label} (other documents: {documents})</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Fonts</name>
        <message>
            <source>no .ttf font in {folder}: the installation is incomplete</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Qt could not load the font file {path}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is {families}, expected the family {family}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ImportExport</name>
        <message>
            <source>Import pre-annotations as suggestions</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotated files (*.jsonl *.ndjson *.json *.conll *.ann *.tsv)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import a folder of documents</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>An import is already running</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>Imported %n documents…</source>
            <translation>
                <numerusform>Imported %n document…</numerusform>
                <numerusform>Imported %n documents…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message>
            <source>Added to the project's labels, as they were in the imported data: {labels}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import finished with problems</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import added labels</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n documents</source>
            <translation>
                <numerusform>%n document</numerusform>
                <numerusform>%n documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n spans</source>
            <translation>
                <numerusform>%n span</numerusform>
                <numerusform>%n spans</numerusform>
            </translation>
        </message>
        <message>
            <source>Documents (*.txt *.jsonl *.ndjson *.json *.csv *.tsv *.html *.htm *.conll *.ann)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>By format: {formats}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n warnings.</source>
            <translation>
                <numerusform>%n warning.</numerusform>
                <numerusform>%n warnings.</numerusform>
            </translation>
        </message>
        <message>
            <source>Imported with a change:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Added to the project's attributes, as they were in the imported data: {attributes}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import added attributes</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import finished with warnings</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{spans}, {suggestions}</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n suggestions</source>
            <translation>
                <numerusform>%n suggestion</numerusform>
                <numerusform>%n suggestions</numerusform>
            </translation>
        </message>
        <message>
            <source>Import cancelled: imported {documents} ({spans}); {duplicates} skipped; {rejected}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Imported {documents} ({spans}); {duplicates} skipped; {rejected}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n duplicates</source>
            <translation>
                <numerusform>%n duplicate</numerusform>
                <numerusform>%n duplicates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rejected</source>
            <translation>
                <numerusform>%n rejected</numerusform>
                <numerusform>%n rejected</numerusform>
            </translation>
        </message>
        <message>
            <source>{rejects} answered reject (skipped: not suggestions), {ignores}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{rejects} answered reject (kept as rejected suggestions), {ignores}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n Prodigy tasks</source>
            <translation>
                <numerusform>%n Prodigy task</numerusform>
                <numerusform>%n Prodigy tasks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ignore (skipped)</source>
            <translation>
                <numerusform>%n ignore (skipped)</numerusform>
                <numerusform>%n ignore (skipped)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n accepted Prodigy tasks joined the document of their text.</source>
            <translation>
                <numerusform>%n accepted Prodigy task joined the document of its text.</numerusform>
                <numerusform>%n accepted Prodigy tasks joined the document of their text.</numerusform>
            </translation>
        </message>
        <message>
            <source>Annotators' sets of documents already in the project: {added}, {replaced}, {unchanged}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n added</source>
            <translation>
                <numerusform>%n added</numerusform>
                <numerusform>%n added</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n replaced</source>
            <translation>
                <numerusform>%n replaced</numerusform>
                <numerusform>%n replaced</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unchanged</source>
            <translation>
                <numerusform>%n unchanged</numerusform>
                <numerusform>%n unchanged</numerusform>
            </translation>
        </message>
        <message>
            <source>Export: tick at least one document status</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>Exported %n documents…</source>
            <translation>
                <numerusform>Exported %n document…</numerusform>
                <numerusform>Exported %n documents…</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled: nothing was written</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export refused</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export refused: nothing was written</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path}: {reason}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export failed: nothing was written</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Left out or changed on the way:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Export finished with warnings</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path}:{line}: {reason}</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>Exported %n documents to {path}</source>
            <translation>
                <numerusform>Exported %n document to {path}</numerusform>
                <numerusform>Exported %n documents to {path}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportFormatDialog</name>
        <message>
            <source>Detect from content</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>txt: plain text, each file one document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>jsonl: JSON records (annotator, doccano, Prodigy)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>csv: CSV or TSV table, a row per document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>html: a web page's article text</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>brat: standoff .ann with its .txt</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>webanno: INCEpTION / WebAnno TSV3</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>labelstudio: Label Studio tasks (JSON, JSONL, JSON-MIN)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>conll: CoNLL / IOB, a token per line</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Import as</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>text, content, body or article</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Format:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Text column (CSV/TSV):</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ImportTask</name>
        <message>
            <source>this is the project itself; it cannot be imported into it</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>this is a file belonging to the project; it cannot be imported into it</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>KeyOwners</name>
        <message>
            <source>another shortcut of the window</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the label {label}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the article: {what}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>LabelEditor</name>
        <message>
            <source>Labels</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Label</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Arabic name</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>none: the name is shown</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>&amp;Colour…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Arabic name:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Key:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>new label name</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>key</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>A&amp;dd label</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Colour of {label}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>LabelPalette</name>
        <message>
            <source>{label} ({layer})

{guideline}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>La&amp;nguage</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Show the window in this language (remembered)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The language changes after the import; choose it again then</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>Lists</name>
        <message>
            <source>, </source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>This project has no documents yet: File &gt; Import…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{document} — {project} — annotator</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{project} — annotator</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{title} [read-only]</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is open read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Cannot open document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Display problem</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No more documents in this list</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Stopping the import; the window closes when the current batch is stored</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>MergePackages</name>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Packages (*.annotator)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge packages</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge refused</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merge refused: nothing was changed</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Merged {packages}: {changed}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n packages</source>
            <translation>
                <numerusform>%n package</numerusform>
                <numerusform>%n packages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document sets changed</source>
            <translation>
                <numerusform>%n document set changed</numerusform>
                <numerusform>%n document sets changed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n documents</source>
            <translation>
                <numerusform>%n document</numerusform>
                <numerusform>%n documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n changed</source>
            <translation>
                <numerusform>%n changed</numerusform>
                <numerusform>%n changed</numerusform>
            </translation>
        </message>
        <message>
            <source>{annotator}: {documents}, {changed}, {kept}</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n kept from a newer package</source>
            <translation>
                <numerusform>%n kept from a newer package</numerusform>
                <numerusform>%n kept from a newer package</numerusform>
            </translation>
        </message>
        <message>
            <source>{annotator}: {documents}, {changed}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>no document is open</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the document is still loading</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the project is open read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the set of {name} is shown read-only; annotate as {name} to change it</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>an entity needs a name</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>an entity cannot be merged into itself</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no span {span!r} in this document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no entity {entity!r} in the project</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no label {label!r} in the project</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{label} spans have no attribute {name!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>layer {layer} has no attribute {name!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{layer!r} is not a layer of the schema</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>label {name} stays in layer {layer}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>label {name} is already defined (layer {layer})</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>label {name}: color must be #rrggbb, not {color!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>key {key!r} is already used by {owner}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>label {name}: a display name is one line of at most {most} printable characters, not {title!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{start}-{end} is outside the document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>«{text}» is already {label}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>attribute {name} must be a string</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>attribute {name} is a flag: true or false, not {value!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>attribute {name} must be {{start, end, text}} matching the document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{label} spans have no claimant</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>a claimant is an entity, not another claim</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>span {span} ({start!r}-{end!r} {label}) is listed twice; kept once</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>field {name!r} is also in "meta"; the value in "meta" is kept</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>span {start}-{end} {label} is already in the document of this text (an earlier task); kept once</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>span {start}-{end} {label} is not kept: it crosses {other} of an earlier task of this text, which layer {layer} does not allow</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>relation {label} is not kept: one of its spans was not</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the spaCy format needs spaCy: {install}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is open for writing by {holder}; close it there, or open this project read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path}: no such project file</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is closed</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is open read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} cannot be written (it or its folder is read-only): make it writable and open it again, or open it read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} cannot be written (it or its folder is read-only): make it writable and open it again, or open it read-only (your last action was not saved; everything before it is)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} already exists</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is a project, not a package made by `annotator assign`</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is a package of another project</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path}: {count} documents are not in the project (first: {doc_id})</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is not a folder</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no document {doc_id!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no span {span_id!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>no entity {entity_id!r}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path}: not an annotator project (a SQLite file of another program)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and open it again</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and open it again, or open it read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and create it again</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and try again (your last action was not saved; everything before it is)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is busy: another program kept it locked, try again in a moment</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is busy: another program kept it locked, try again in a moment (your last action was not saved; everything before it is)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is damaged ({detail}): run `annotator check` on it or restore a backup copy</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} is damaged ({detail}): run `annotator check` on it or restore a backup copy (your last action was not saved; everything before it is)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} could not be read or written ({detail}): check the disk and open the project again</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{path} could not be read or written ({detail}): check the disk and open the project again (your last action was not saved; everything before it is)</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>NameDialog</name>
        <message>
            <source>Who is annotating?</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>You annotate as {name}. Your spans from now on are recorded as:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Your name is recorded on every span you make, and names your set of annotations:</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>PaneFocus</name>
        <message>
            <source>No span after this one</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No span before this one</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The text cursor is in no span</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Stopping after the current batch…</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ProjectSwitcher</name>
        <message>
            <source>{reason}.

Open it read-only?</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Project in use</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>annotator projects (*{suffix})</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>New project</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Open project</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>Text</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Label</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Marked by</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Agree</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ReviewMode</name>
        <message>
            <source>Review needs a document open in a writable project (and no import running)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Reviewing into gold: Tab outlines a candidate, Enter accepts it, Esc or Delete rejects it, 1-9 take that annotator's version, Alt+Down the next disagreement</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Review left: annotating as {name}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Review</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n agreed spans pre-accepted into gold (Ctrl+Z undoes it)</source>
            <translation>
                <numerusform>%n agreed span pre-accepted into gold (Ctrl+Z undoes it)</numerusform>
                <numerusform>%n agreed spans pre-accepted into gold (Ctrl+Z undoes it)</numerusform>
            </translation>
        </message>
        <message>
            <source>No more disagreements this way</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No candidate is outlined: Tab outlines one, Enter accepts it</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No agreed candidate is open: decide each with Enter, Esc or 1-9</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>«{text}» accepted into gold; %n overlapping candidates rejected</source>
            <translation>
                <numerusform>«{text}» accepted into gold; %n overlapping candidate rejected</numerusform>
                <numerusform>«{text}» accepted into gold; %n overlapping candidates rejected</numerusform>
            </translation>
        </message>
        <message>
            <source>«{text}» accepted into gold</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n agreed candidates accepted into gold</source>
            <translation>
                <numerusform>%n agreed candidate accepted into gold</numerusform>
                <numerusform>%n agreed candidates accepted into gold</numerusform>
            </translation>
        </message>
        <message>
            <source>No candidate is outlined: Tab outlines one, Esc or Delete rejects it</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>«{text}» rejected</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No candidate is outlined: Tab outlines one, then 1-9 take that annotator's version</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>This document has %n annotators</source>
            <translation>
                <numerusform>This document has %n annotator</numerusform>
                <numerusform>This document has %n annotators</numerusform>
            </translation>
        </message>
        <message>
            <source>took {name}'s version: {taken} accepted, {rejected} rejected</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>took {name}'s version: nothing here ({rejected} rejected)</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>Pre-accept agreed spans</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>On opening a document without gold spans, put the spans every annotator marked alike into gold (one undoable action)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Accept into gold</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Reject</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Leave review</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>This document has no annotator's set to review.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{candidates} candidates from {annotators} annotators: {agreed} agreed, {gold} in gold, {rejected} rejected, {open} open ({disputed} to decide, {conflicts} conflicts). Gold set: {status}.</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{number} {name}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>SchemaChooser</name>
        <message>
            <source>Schema of the new project</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Schema &amp;file…</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>The labels and attributes the project starts with:</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{name} ({layers} layers, {labels} labels)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Schema file</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Schemas (*.toml);;All files (*)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>This schema cannot be used:
{problem}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>SetChooser</name>
        <message>
            <source>Work as another annotator: the spans you make are recorded under that name</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>This file is the package of {name}: it is annotated as {name} only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotating as {name}; the undo history of {previous} was dropped</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotating as {name}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No document is open</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>My set ({name})</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{set} · {status}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>No other annotator has a set in this document</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Showing your own set</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Showing {name}'s set read-only: annotate as {name} to change it</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>This document has no set of {name}: showing your own set</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ShortcutEditor</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Command</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Alternative</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{key} is already used by {owner}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>ShortcutsSheet</name>
        <message>
            <source>drag / Shift+arrows</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>select text; it snaps to whole words, a clitic (و ف ب ل ك ال) you leave out stays out</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Alt+drag</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>select exact characters, no snapping</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>double-click</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>select a word</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>click a span</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>select it (click again: the span around it)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>delete the selected span</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>clear the selection</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>link the selected entity span to a canonical entity (Enter creates a new one)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>with suggestions shown: move between them</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>accept the outlined suggestion</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>accept all suggestions</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>reject the outlined suggestion (or all when none is outlined)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Delete (review)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>reject the outlined candidate (a selected gold span: delete it)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>1-9 (review)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>take that annotator's version of the outlined candidate's conflict</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>label the selection (or relabel the selected span) {label}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>SpanFilterBar</name>
        <message>
            <source>Show the spans of one label</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Filter spans (ignores diacritics)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Show the spans of one annotator</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>All labels</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>SpanTooltip</name>
        <message>
            <source>{label} «{text}»</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>entity: {name} ({type})</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>{attribute}: {value}</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>new</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>in progress</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>done</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>skipped</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Not saved: {reason}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Document {n} of {total} · {status}</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>%n spans</source>
            <translation>
                <numerusform>%n span</numerusform>
                <numerusform>%n spans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n documents</source>
            <translation>
                <numerusform>%n document</numerusform>
                <numerusform>%n documents</numerusform>
            </translation>
        </message>
        <message>
            <source>read-only</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>NOT SAVED</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>saved {time}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>all changes saved</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotating as {name}</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Showing {name}'s set (read-only)</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Nothing to redo</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
    <context>
        <name>SuggestionsController</name>
        <message numerus="yes">
            <source>%n suggestions: Tab outlines one, Enter accepts the outlined one, Shift+Enter or A accepts all, Esc rejects</source>
            <translation>
                <numerusform>%n suggestion: Tab outlines one, Enter accepts the outlined one, Shift+Enter or A accepts all, Esc rejects</numerusform>
                <numerusform>%n suggestions: Tab outlines one, Enter accepts the outlined one, Shift+Enter or A accepts all, Esc rejects</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more «{text}»: Enter accepts the outlined one, A accepts all, Esc rejects</source>
            <translation>
                <numerusform>%n more «{text}»: Enter accepts the outlined one, A accepts all, Esc rejects</numerusform>
                <numerusform>%n more «{text}»: Enter accepts the outlined one, A accepts all, Esc rejects</numerusform>
            </translation>
        </message>
        <message>
            <source>No suggestion is outlined: Tab (or a click) outlines one, then Enter accepts it; A accepts all</source>
            <translation type="unfinished"></translation>
        </message>
        <message numerus="yes">
            <source>accepted %n suggestions; {skipped} would overlap a span</source>
            <translation>
                <numerusform>accepted %n suggestion; {skipped} would overlap a span</numerusform>
                <numerusform>accepted %n suggestions; {skipped} would overlap a span</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>accepted %n suggestions</source>
            <translation>
                <numerusform>accepted %n suggestion</numerusform>
                <numerusform>accepted %n suggestions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>rejected %n suggestions</source>
            <translation>
                <numerusform>rejected %n suggestion</numerusform>
                <numerusform>rejected %n suggestions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tables</name>
        <message>
            <source>Name</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Mentions</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Docs</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Spans</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Label</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Text</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Start</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished"></translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation type="unfinished"></translation>
        </message>
    </context>
</TS>
