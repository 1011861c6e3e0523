<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>AgreementCharts</name>
        <message>
            <source>missed</source>
            <translation>مُغفَل</translation>
        </message>
        <message>
            <source>rows: the first annotator of each pair (by name) · columns: the second</source>
            <translation>الصفوف: المُعلِّق الأول في كل زوج (حسب الاسم) · الأعمدة: الثاني</translation>
        </message>
        <message numerus="yes">
            <source>%n matched or missed spans</source>
            <translation>
                <numerusform>%n مقطع متطابق أو مُغفَل</numerusform>
                <numerusform>مقطع واحد متطابق أو مُغفَل</numerusform>
                <numerusform>مقطعان متطابقان أو مُغفَلان</numerusform>
                <numerusform>%n مقاطع متطابقة أو مُغفَلة</numerusform>
                <numerusform>%n مقطعًا متطابقًا أو مُغفَلًا</numerusform>
                <numerusform>%n مقطع متطابق أو مُغفَل</numerusform>
            </translation>
        </message>
        <message>
            <source>{row} → {column}: {count}</source>
            <translation>{row} → {column}: {count}</translation>
        </message>
        <message>
            <source>F1 exact</source>
            <translation>F1 (تطابق تام)</translation>
        </message>
        <message>
            <source>F1 overlap</source>
            <translation>F1 (تداخل)</translation>
        </message>
        <message>
            <source>{label}: F1 exact {exact}, F1 overlap {overlap} ({spans} spans)</source>
            <translation>{label}: F1 (تطابق تام) {exact}، F1 (تداخل) {overlap} (المقاطع: {spans})</translation>
        </message>
    </context>
    <context>
        <name>AgreementModels</name>
        <message>
            <source>{done} done and {started} in progress of {total}</source>
            <translation>{done} منجز و{started} قيد العمل من أصل {total}</translation>
        </message>
    </context>
    <context>
        <name>AgreementView</name>
        <message>
            <source>Agreement and progress</source>
            <translation>الاتفاق والتقدم</translation>
        </message>
        <message>
            <source>Layer:</source>
            <translation>الطبقة:</translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>جارٍ الحساب…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;تحديث</translation>
        </message>
        <message>
            <source>F1 exact</source>
            <translation>F1 (تطابق تام)</translation>
        </message>
        <message>
            <source>F1 overlap</source>
            <translation>F1 (تداخل)</translation>
        </message>
        <message>
            <source>Fleiss' κ</source>
            <translation>كابا فلايس</translation>
        </message>
        <message>
            <source>Krippendorff's α</source>
            <translation>ألفا كريبندورف</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>الوحدات المعجمية</translation>
        </message>
        <message>
            <source>Annotator A</source>
            <translation>المُعلِّق أ</translation>
        </message>
        <message>
            <source>Annotator B</source>
            <translation>المُعلِّق ب</translation>
        </message>
        <message>
            <source>Cohen's κ</source>
            <translation>كابا كوهين</translation>
        </message>
        <message>
            <source>Attribute</source>
            <translation>السمة</translation>
        </message>
        <message>
            <source>Compared</source>
            <translation>عدد المقارنات</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>الاتفاق</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <source>Annotators</source>
            <translation>المُعلِّقون</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>المجموعة</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>منجز</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <source>New</source>
            <translation>جديد</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>متجاوز</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>التقدم</translation>
        </message>
        <message>
            <source>&amp;Pairs</source>
            <translation>الأ&amp;زواج</translation>
        </message>
        <message>
            <source>&amp;Confusion</source>
            <translation>&amp;مصفوفة الالتباس</translation>
        </message>
        <message>
            <source>&amp;Labels</source>
            <translation>ال&amp;تسميات</translation>
        </message>
        <message>
            <source>&amp;Attributes</source>
            <translation>ال&amp;سمات</translation>
        </message>
        <message>
            <source>&amp;Disputed documents</source>
            <translation>المستندات الم&amp;ختلف عليها</translation>
        </message>
        <message>
            <source>Pro&amp;gress</source>
            <translation>التق&amp;دم</translation>
        </message>
        <message>
            <source>The figures could not be computed: {reason}</source>
            <translation>تعذّر حساب الأرقام: {reason}</translation>
        </message>
        <message>
            <source>Computing the figures…</source>
            <translation>جارٍ حساب الأرقام…</translation>
        </message>
        <message>
            <source>No document has been done by two or more annotators yet, so there is nothing to compare. Give documents to several annotators with “annotator assign --overlap”, then merge their packages back with “annotator merge”. Each set's progress is below.</source>
            <translation>لم يُنجز مُعلِّقان أو أكثر أيَّ مستند بعد، لذا لا يوجد ما يمكن مقارنته. وزّع المستندات على عدة مُعلِّقين باستخدام “annotator assign --overlap”، ثم ادمج حزمهم في المشروع باستخدام “annotator merge”. يظهر تقدم كل مجموعة أدناه.</translation>
        </message>
        <message>
            <source>Annotators: {names}</source>
            <translation>المُعلِّقون: {names}</translation>
        </message>
        <message numerus="yes">
            <source>{kappa} (on the %n documents every annotator did)</source>
            <translation>
                <numerusform>{kappa} (على %n مستند أنجزها كل المُعلِّقين)</numerusform>
                <numerusform>{kappa} (على مستند واحد أنجزه كل المُعلِّقين)</numerusform>
                <numerusform>{kappa} (على مستندين أنجزهما كل المُعلِّقين)</numerusform>
                <numerusform>{kappa} (على %n مستندات أنجزها كل المُعلِّقين)</numerusform>
                <numerusform>{kappa} (على %n مستندًا أنجزها كل المُعلِّقين)</numerusform>
                <numerusform>{kappa} (على %n مستند أنجزها كل المُعلِّقين)</numerusform>
            </translation>
        </message>
        <message>
            <source>Claimant</source>
            <translation>صاحب الادعاء</translation>
        </message>
        <message>
            <source>Compared on the spans two annotators both marked with the same boundaries or overlapping, pair by pair.</source>
            <translation>تُقارَن على المقاطع التي حدّدها مُعلِّقان كلاهما بالحدود نفسها أو متداخلةً، زوجًا زوجًا.</translation>
        </message>
        <message>
            <source>No matched span of this layer carries an attribute or a claimant to compare.</source>
            <translation>لا يحمل أيُّ مقطع متطابق في هذه الطبقة سمةً أو صاحب ادعاء للمقارنة.</translation>
        </message>
        <message>
            <source>{name} (adjudicated)</source>
            <translation>{name} (محسومة)</translation>
        </message>
    </context>
    <context>
        <name>AnnotatingCommands</name>
        <message>
            <source>Nothing to label in the selection</source>
            <translation>لا يوجد في التحديد ما يمكن تسميته</translation>
        </message>
        <message>
            <source>Select some text first (drag, Shift+arrows, or double-click a word)</source>
            <translation>حدّد نصًا أولًا (بالسحب، أو Shift+الأسهم، أو بالنقر المزدوج على كلمة)</translation>
        </message>
        <message>
            <source>Click a span to select it, then press Delete</source>
            <translation>انقر على مقطع لتحديده، ثم اضغط Delete</translation>
        </message>
        <message numerus="yes">
            <source>This span is the claimant of %n claims:
{claims}

Delete it and leave those claims without a claimant? (Ctrl+Z undoes it)</source>
            <translation>
                <numerusform>هذا المقطع هو صاحب الادعاء في %n ادعاء:
{claims}

هل تريد حذفه وترك هذه الادعاءات بلا صاحب ادعاء؟ (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>هذا المقطع هو صاحب الادعاء في ادعاء واحد:
{claims}

هل تريد حذفه وترك هذا الادعاء بلا صاحب ادعاء؟ (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>هذا المقطع هو صاحب الادعاء في ادعاءين:
{claims}

هل تريد حذفه وترك هذين الادعاءين بلا صاحب ادعاء؟ (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>هذا المقطع هو صاحب الادعاء في %n ادعاءات:
{claims}

هل تريد حذفه وترك هذه الادعاءات بلا صاحب ادعاء؟ (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>هذا المقطع هو صاحب الادعاء في %n ادعاءً:
{claims}

هل تريد حذفه وترك هذه الادعاءات بلا صاحب ادعاء؟ (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>هذا المقطع هو صاحب الادعاء في %n ادعاء:
{claims}

هل تريد حذفه وترك هذه الادعاءات بلا صاحب ادعاء؟ (Ctrl+Z يتراجع عن ذلك)</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete a claimant?</source>
            <translation>هل تريد حذف صاحب ادعاء؟</translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation>لا شيء للتراجع عنه</translation>
        </message>
        <message>
            <source>Nothing to redo</source>
            <translation>لا شيء لإعادته</translation>
        </message>
        <message>
            <source>Undid: {action}</source>
            <translation>تم التراجع عن: {action}</translation>
        </message>
        <message>
            <source>Redid: {action}</source>
            <translation>تمت إعادة: {action}</translation>
        </message>
        <message>
            <source>Click an entity span first, then press K to link it</source>
            <translation>انقر على مقطع كيان أولًا، ثم اضغط K لربطه</translation>
        </message>
        <message>
            <source>{label} spans are not linked to canonical entities</source>
            <translation>لا تُربط مقاطع {label} بكيانات مرجعية</translation>
        </message>
        <message>
            <source>«{text}» is {entity}</source>
            <translation>«{text}» هو {entity}</translation>
        </message>
        <message>
            <source>no mentions</source>
            <translation>لا توجد إشارات</translation>
        </message>
        <message>
            <source>«{title}» is marked done. Mark it skipped instead? Its spans are kept, and Ctrl+Z undoes it.</source>
            <translation>«{title}» مُعلَّم بأنه منجز. هل تريد تعليمه بأنه متجاوز بدلًا من ذلك؟ سيُحتفظ بمقاطعه، وCtrl+Z يتراجع عن ذلك.</translation>
        </message>
        <message>
            <source>Skip a done document?</source>
            <translation>هل تريد تجاوز مستند منجز؟</translation>
        </message>
        <message>
            <source>«{title}» stays done</source>
            <translation>«{title}» يبقى منجزًا</translation>
        </message>
        <message>
            <source>Select a span to edit its note and attributes</source>
            <translation>حدّد مقطعًا لتحرير ملاحظته وسماته</translation>
        </message>
        <message>
            <source>no claimant picked</source>
            <translation>لم يُختر صاحب ادعاء</translation>
        </message>
    </context>
    <context>
        <name>AnnotatorCombo</name>
        <message>
            <source>All annotators</source>
            <translation>كل المُعلِّقين</translation>
        </message>
    </context>
    <context>
        <name>AnnotatorName</name>
        <message>
            <source>Type your name: it is recorded on every span you make.</source>
            <translation>اكتب اسمك: يُسجَّل على كل مقطع تنشئه.</translation>
        </message>
        <message>
            <source>"{gold}" is the adjudicated set, not an annotator: type your own name.</source>
            <translation>"{gold}" هو اسم المجموعة المحسومة، وليس مُعلِّقًا: اكتب اسمك أنت.</translation>
        </message>
        <message>
            <source>A name has at most {n} characters.</source>
            <translation>لا يتجاوز عدد أحرف الاسم {n}.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Font missing</source>
            <translation>الخط مفقود</translation>
        </message>
        <message>
            <source>{problem}
Arabic will be shown with a system font.</source>
            <translation>{problem}
ستُعرض العربية بأحد خطوط النظام.</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>تعذّر فتح المشروع</translation>
        </message>
    </context>
    <context>
        <name>CandidateModel</name>
        <message>
            <source>in a conflict with other candidates here</source>
            <translation>في تعارض مع مرشّحات أخرى هنا</translation>
        </message>
        <message>
            <source>no other candidate overlaps it</source>
            <translation>لا يتداخل معه أي مرشّح آخر</translation>
        </message>
    </context>
    <context>
        <name>ChangeDispatch</name>
        <message>
            <source>relabelled «{text}» as {label}</source>
            <translation>تم تغيير تسمية «{text}» إلى {label}</translation>
        </message>
        <message>
            <source>document marked {status}</source>
            <translation>حالة المستند الآن: {status}</translation>
        </message>
    </context>
    <context>
        <name>ClaimFormBuilding</name>
        <message>
            <source>Default: {value}</source>
            <translation>الافتراضي: {value}</translation>
        </message>
        <message>
            <source>Enter: save · Shift+Enter: new line · Esc: save, back to the text</source>
            <translation>Enter: حفظ · Shift+Enter: سطر جديد · Esc: حفظ والعودة إلى النص</translation>
        </message>
        <message>
            <source>Pick in text</source>
            <translation>اختيار من النص</translation>
        </message>
        <message>
            <source>Click the entity span of the claimant in the article</source>
            <translation>انقر على مقطع الكيان الخاص بصاحب الادعاء في المقال</translation>
        </message>
        <message>
            <source>Use selection</source>
            <translation>استخدام التحديد</translation>
        </message>
        <message>
            <source>The text selected in the article becomes the {attribute}</source>
            <translation>يصبح النص المحدد في المقال قيمةً لـ{attribute}</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>مسح</translation>
        </message>
        <message>
            <source>Remove the {attribute}</source>
            <translation>إزالة {attribute}</translation>
        </message>
    </context>
    <context>
        <name>ClaimFormFilling</name>
        <message>
            <source>{value} (unknown)</source>
            <translation>{value} (غير معروف)</translation>
        </message>
    </context>
    <context>
        <name>ClaimPanel</name>
        <message>
            <source>{value} (not in the schema)</source>
            <translation>{value} (غير موجود في مخطط التسميات)</translation>
        </message>
        <message numerus="yes">
            <source>{item} · %n mentions</source>
            <translation>
                <numerusform>{item} · %n إشارة</numerusform>
                <numerusform>{item} · إشارة واحدة</numerusform>
                <numerusform>{item} · إشارتان</numerusform>
                <numerusform>{item} · %n إشارات</numerusform>
                <numerusform>{item} · %n إشارةً</numerusform>
                <numerusform>{item} · %n إشارة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{context}

The mention nearest the claim, of %n mentions</source>
            <translation>
                <numerusform>{context}

الإشارة الأقرب إلى الادعاء، من بين %n إشارة</numerusform>
                <numerusform>{context}

الإشارة الأقرب إلى الادعاء، من بين إشارة واحدة</numerusform>
                <numerusform>{context}

الإشارة الأقرب إلى الادعاء، من بين إشارتين</numerusform>
                <numerusform>{context}

الإشارة الأقرب إلى الادعاء، من بين %n إشارات</numerusform>
                <numerusform>{context}

الإشارة الأقرب إلى الادعاء، من بين %n إشارةً</numerusform>
                <numerusform>{context}

الإشارة الأقرب إلى الادعاء، من بين %n إشارة</numerusform>
            </translation>
        </message>
        <message>
            <source>Attribute guidelines</source>
            <translation>إرشادات السمات</translation>
        </message>
        <message>
            <source>Select a claim first</source>
            <translation>حدّد ادعاءً أولًا</translation>
        </message>
        <message>
            <source>This span has no cue</source>
            <translation>ليس لهذا المقطع لفظ إسناد</translation>
        </message>
        <message>
            <source>Select a span to read its label's guideline and write a note.</source>
            <translation>حدّد مقطعًا لقراءة إرشادات تسميته وكتابة ملاحظة.</translation>
        </message>
        <message>
            <source>Select a {layer} to edit its {attributes}, …</source>
            <translation>حدّد {layer} لتحرير {attributes}، …</translation>
        </message>
        <message>
            <source>Select a {layer} to edit its {attributes}.</source>
            <translation>حدّد {layer} لتحرير {attributes}.</translation>
        </message>
        <message>
            <source>Entity: {name}</source>
            <translation>الكيان: {name}</translation>
        </message>
        <message>
            <source>Not linked to a canonical entity</source>
            <translation>غير مرتبط بكيان مرجعي</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>لم يُحفظ: {reason}</translation>
        </message>
        <message>
            <source>{attribute} cannot be edited here</source>
            <translation>لا يمكن تحرير {attribute} هنا</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>Open &amp;recent</source>
            <translation>فتح مشروع &amp;حديث</translation>
        </message>
        <message>
            <source>Show &amp;set</source>
            <translation>عرض م&amp;جموعة</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;انتقال</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;مساعدة</translation>
        </message>
        <message>
            <source>&amp;New project…</source>
            <translation>مشروع &amp;جديد…</translation>
        </message>
        <message>
            <source>&amp;Open project…</source>
            <translation>&amp;فتح مشروع…</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;استيراد…</translation>
        </message>
        <message>
            <source>import documents</source>
            <translation>استيراد مستندات</translation>
        </message>
        <message>
            <source>Import &amp;folder…</source>
            <translation>استيراد &amp;مجلد…</translation>
        </message>
        <message>
            <source>import every document in a folder</source>
            <translation>استيراد كل المستندات في مجلد</translation>
        </message>
        <message>
            <source>Import pre-annotations as &amp;suggestions…</source>
            <translation>استيراد تعليقات مسبقة بوصفها ا&amp;قتراحات…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>ت&amp;صدير…</translation>
        </message>
        <message>
            <source>export documents</source>
            <translation>تصدير مستندات</translation>
        </message>
        <message>
            <source>&amp;Merge packages…</source>
            <translation>&amp;دمج الحزم…</translation>
        </message>
        <message>
            <source>bring the analysts' package files back into this project</source>
            <translation>إعادة ملفات حزم المحللين إلى هذا المشروع</translation>
        </message>
        <message>
            <source>Annotate &amp;as…</source>
            <translation>التعليق &amp;باسم…</translation>
        </message>
        <message>
            <source>work as another annotator (your name)</source>
            <translation>العمل باسم مُعلِّق آخر (اسمك)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>إ&amp;نهاء</translation>
        </message>
        <message>
            <source>quit</source>
            <translation>إنهاء</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;تراجع</translation>
        </message>
        <message>
            <source>undo</source>
            <translation>تراجع</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>إ&amp;عادة</translation>
        </message>
        <message>
            <source>redo</source>
            <translation>إعادة</translation>
        </message>
        <message>
            <source>&amp;Delete span</source>
            <translation>&amp;حذف المقطع</translation>
        </message>
        <message>
            <source>Find in &amp;documents</source>
            <translation>بحث في الم&amp;ستندات</translation>
        </message>
        <message>
            <source>search documents</source>
            <translation>البحث في المستندات</translation>
        </message>
        <message>
            <source>&amp;Find in the article…</source>
            <translation>&amp;بحث في المقال…</translation>
        </message>
        <message>
            <source>find a name in the article (any spelling), label every match</source>
            <translation>البحث عن اسم في المقال (بأي تهجئة)، وتسمية كل تطابق</translation>
        </message>
        <message>
            <source>Find ne&amp;xt</source>
            <translation>البحث عن التا&amp;لي</translation>
        </message>
        <message>
            <source>next match in the article</source>
            <translation>التطابق التالي في المقال</translation>
        </message>
        <message>
            <source>Find pre&amp;vious</source>
            <translation>البحث عن الساب&amp;ق</translation>
        </message>
        <message>
            <source>previous match in the article</source>
            <translation>التطابق السابق في المقال</translation>
        </message>
        <message>
            <source>Edit the selected span's &amp;attributes and note</source>
            <translation>تحرير س&amp;مات المقطع المحدد وملاحظته</translation>
        </message>
        <message>
            <source>edit the selected span's note, and a claim's claimant, stance, ...</source>
            <translation>تحرير ملاحظة المقطع المحدد، وفي الادعاء: صاحب الادعاء، والموقف، ...</translation>
        </message>
        <message>
            <source>&amp;Link to canonical entity…</source>
            <translation>&amp;ربط بكيان مرجعي…</translation>
        </message>
        <message>
            <source>link the selected entity span to a canonical entity</source>
            <translation>ربط مقطع الكيان المحدد بكيان مرجعي</translation>
        </message>
        <message>
            <source>&amp;Labels…</source>
            <translation>ال&amp;تسميات…</translation>
        </message>
        <message>
            <source>add, rename, recolour labels and change their keys</source>
            <translation>إضافة التسميات وإعادة تسميتها وتغيير ألوانها ومفاتيحها</translation>
        </message>
        <message>
            <source>Keyboard &amp;shortcuts…</source>
            <translation>ا&amp;ختصارات لوحة المفاتيح…</translation>
        </message>
        <message>
            <source>change the keys of the commands</source>
            <translation>تغيير مفاتيح الأوامر</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>ت&amp;كبير</translation>
        </message>
        <message>
            <source>larger text</source>
            <translation>نص أكبر</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>ت&amp;صغير</translation>
        </message>
        <message>
            <source>smaller text</source>
            <translation>نص أصغر</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>إعادة &amp;ضبط التكبير</translation>
        </message>
        <message>
            <source>text at its usual size</source>
            <translation>النص بحجمه المعتاد</translation>
        </message>
        <message>
            <source>Re&amp;view into gold</source>
            <translation>م&amp;راجعة إلى المجموعة الذهبية</translation>
        </message>
        <message>
            <source>review mode: every annotator's spans at once, adjudicated into the gold set (again: leave review)</source>
            <translation>وضع المراجعة: مقاطع كل المُعلِّقين معًا، تُحسم في المجموعة الذهبية (مرة أخرى: الخروج من المراجعة)</translation>
        </message>
        <message>
            <source>Reset &amp;layout</source>
            <translation>إعادة ضبط ال&amp;تخطيط</translation>
        </message>
        <message>
            <source>&amp;Dark theme</source>
            <translation>المظهر ال&amp;داكن</translation>
        </message>
        <message>
            <source>A&amp;greement and progress…</source>
            <translation>الات&amp;فاق والتقدم…</translation>
        </message>
        <message>
            <source>agreement between the annotators' sets, and each set's progress</source>
            <translation>الاتفاق بين مجموعات المُعلِّقين، وتقدم كل مجموعة</translation>
        </message>
        <message>
            <source>&amp;Next document</source>
            <translation>المستند ال&amp;تالي</translation>
        </message>
        <message>
            <source>next document</source>
            <translation>المستند التالي</translation>
        </message>
        <message>
            <source>&amp;Previous document</source>
            <translation>المستند ال&amp;سابق</translation>
        </message>
        <message>
            <source>previous document</source>
            <translation>المستند السابق</translation>
        </message>
        <message>
            <source>Ne&amp;xt span</source>
            <translation>المقطع التا&amp;لي</translation>
        </message>
        <message>
            <source>select the next span in reading order</source>
            <translation>تحديد المقطع التالي بترتيب القراءة</translation>
        </message>
        <message>
            <source>Pre&amp;vious span</source>
            <translation>المقطع الساب&amp;ق</translation>
        </message>
        <message>
            <source>select the previous span in reading order</source>
            <translation>تحديد المقطع السابق بترتيب القراءة</translation>
        </message>
        <message>
            <source>Next disa&amp;greement</source>
            <translation>ال&amp;خلاف التالي</translation>
        </message>
        <message>
            <source>in review: outline the next candidate the annotators disagree on</source>
            <translation>في المراجعة: إبراز المرشّح التالي الذي يختلف عليه المُعلِّقون</translation>
        </message>
        <message>
            <source>Previous dis&amp;agreement</source>
            <translation>الخلاف السا&amp;بق</translation>
        </message>
        <message>
            <source>in review: outline the previous candidate the annotators disagree on</source>
            <translation>في المراجعة: إبراز المرشّح السابق الذي يختلف عليه المُعلِّقون</translation>
        </message>
        <message>
            <source>Select the span at the &amp;cursor</source>
            <translation>تحديد المقطع عند الم&amp;ؤشر</translation>
        </message>
        <message>
            <source>select the span under the text cursor (again: the span around it)</source>
            <translation>تحديد المقطع الواقع تحت مؤشر النص (مرة أخرى: المقطع المحيط به)</translation>
        </message>
        <message>
            <source>Next pan&amp;e</source>
            <translation>الل&amp;وحة التالية</translation>
        </message>
        <message>
            <source>focus the next pane: article, spans, claim, entities, documents, labels</source>
            <translation>التركيز على اللوحة التالية: المقال، المقاطع، الادعاء، الكيانات، المستندات، التسميات</translation>
        </message>
        <message>
            <source>P&amp;revious pane</source>
            <translation>اللو&amp;حة السابقة</translation>
        </message>
        <message>
            <source>focus the previous pane</source>
            <translation>التركيز على اللوحة السابقة</translation>
        </message>
        <message>
            <source>Mark &amp;done and go on</source>
            <translation>تعليم بأنه م&amp;نجز والمتابعة</translation>
        </message>
        <message>
            <source>mark the document done and open the next</source>
            <translation>تعليم المستند بأنه منجز وفتح التالي</translation>
        </message>
        <message>
            <source>Mark &amp;skipped and go on</source>
            <translation>تعليم بأنه متجاو&amp;ز والمتابعة</translation>
        </message>
        <message>
            <source>mark the document skipped and open the next (asks first if it is done)</source>
            <translation>تعليم المستند بأنه متجاوز وفتح التالي (يسأل أولًا إن كان منجزًا)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <source>this list</source>
            <translation>هذه القائمة</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>الرئيسي</translation>
        </message>
    </context>
    <context>
        <name>DocGuard</name>
        <message numerus="yes">
            <source>This document is read-only: its text was changed outside annotator and %n stored spans no longer match it (first at characters {start}-{end}); run `annotator check` on the project.</source>
            <translation>
                <numerusform>هذا المستند للقراءة فقط: تغيّر نصه خارج annotator ولم يعد %n مقطع محفوظ يطابقه (أولها عند الأحرف {start}-{end})؛ شغّل `annotator check` على المشروع.</numerusform>
                <numerusform>هذا المستند للقراءة فقط: تغيّر نصه خارج annotator ولم يعد مقطع محفوظ واحد يطابقه (وهو عند الأحرف {start}-{end})؛ شغّل `annotator check` على المشروع.</numerusform>
                <numerusform>هذا المستند للقراءة فقط: تغيّر نصه خارج annotator ولم يعد مقطعان محفوظان يطابقانه (أولهما عند الأحرف {start}-{end})؛ شغّل `annotator check` على المشروع.</numerusform>
                <numerusform>هذا المستند للقراءة فقط: تغيّر نصه خارج annotator ولم تعد %n مقاطع محفوظة تطابقه (أولها عند الأحرف {start}-{end})؛ شغّل `annotator check` على المشروع.</numerusform>
                <numerusform>هذا المستند للقراءة فقط: تغيّر نصه خارج annotator ولم يعد %n مقطعًا محفوظًا يطابقه (أولها عند الأحرف {start}-{end})؛ شغّل `annotator check` على المشروع.</numerusform>
                <numerusform>هذا المستند للقراءة فقط: تغيّر نصه خارج annotator ولم يعد %n مقطع محفوظ يطابقه (أولها عند الأحرف {start}-{end})؛ شغّل `annotator check` على المشروع.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Docks</name>
        <message>
            <source>Reading texts for the search… %p%</source>
            <translation>جارٍ قراءة النصوص للبحث… %p%</translation>
        </message>
        <message>
            <source>Search (ignores diacritics and letter variants)</source>
            <translation>بحث (يتجاهل التشكيل وتنويعات الحروف)</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>كل الحالات</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Spans</source>
            <translation>المقاطع</translation>
        </message>
        <message>
            <source>Selected span</source>
            <translation>المقطع المحدد</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>الكيانات</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>التسميات</translation>
        </message>
        <message>
            <source>{attribute}: {value}</source>
            <translation>{attribute}: {value}</translation>
        </message>
        <message>
            <source>claimant set</source>
            <translation>تم تعيين صاحب الادعاء</translation>
        </message>
        <message>
            <source>no claimant picked</source>
            <translation>لم يُختر صاحب ادعاء</translation>
        </message>
        <message>
            <source>Click the span of who makes this claim (Esc cancels)</source>
            <translation>انقر على مقطع من يُطلق هذا الادعاء (Esc للإلغاء)</translation>
        </message>
        <message>
            <source>Select the reporting verb (قال، أكد، وبحسب...) in the text first</source>
            <translation>حدّد فعل الإسناد (قال، أكد، وبحسب...) في النص أولًا</translation>
        </message>
    </context>
    <context>
        <name>DocumentView</name>
        <message>
            <source>The view does not show the stored text exactly; annotating it is disabled.</source>
            <translation>لا يُظهر العرض النصَّ المحفوظ كما هو تمامًا؛ لذا عُطِّل التعليق عليه.</translation>
        </message>
    </context>
    <context>
        <name>EntityBrowser</name>
        <message>
            <source>Filter entities (ignores diacritics and letter variants)</source>
            <translation>تصفية الكيانات (تتجاهل التشكيل وتنويعات الحروف)</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>إعادة تسمية…</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>دمج</translation>
        </message>
        <message>
            <source>Merge into…</source>
            <translation>دمج في…</translation>
        </message>
        <message>
            <source>Rename the entity, change its type or aliases (F2)</source>
            <translation>إعادة تسمية الكيان، أو تغيير نوعه أو أسمائه البديلة (F2)</translation>
        </message>
        <message>
            <source>Merge the two selected entities into the one with more mentions</source>
            <translation>دمج الكيانين المحددين في الكيان ذي الإشارات الأكثر</translation>
        </message>
        <message>
            <source>Merge the selected entity into another one</source>
            <translation>دمج الكيان المحدد في كيان آخر</translation>
        </message>
        <message>
            <source>Rename entity</source>
            <translation>إعادة تسمية الكيان</translation>
        </message>
        <message>
            <source>Open a mention</source>
            <translation>فتح إشارة</translation>
        </message>
        <message>
            <source>in Entities: rename the selected entity</source>
            <translation>في الكيانات: إعادة تسمية الكيان المحدد</translation>
        </message>
        <message>
            <source>in Entities: open the next mention of the selected entity</source>
            <translation>في الكيانات: فتح الإشارة التالية للكيان المحدد</translation>
        </message>
        <message numerus="yes">
            <source>%n entities</source>
            <translation>
                <numerusform>%n كيان</numerusform>
                <numerusform>كيان واحد</numerusform>
                <numerusform>كيانان</numerusform>
                <numerusform>%n كيانات</numerusform>
                <numerusform>%n كيانًا</numerusform>
                <numerusform>%n كيان</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %n entities</source>
            <translation>
                <numerusform>{shown} من %n كيان</numerusform>
                <numerusform>{shown} من كيان واحد</numerusform>
                <numerusform>{shown} من كيانين</numerusform>
                <numerusform>{shown} من %n كيانات</numerusform>
                <numerusform>{shown} من %n كيانًا</numerusform>
                <numerusform>{shown} من %n كيان</numerusform>
            </translation>
        </message>
        <message>
            <source>{count} (read-only)</source>
            <translation>{count} (للقراءة فقط)</translation>
        </message>
        <message>
            <source>The project is open read-only</source>
            <translation>المشروع مفتوح للقراءة فقط</translation>
        </message>
        <message>
            <source>Select one entity first</source>
            <translation>حدّد كيانًا واحدًا أولًا</translation>
        </message>
        <message>
            <source>Renamed to {name}</source>
            <translation>أُعيدت التسمية إلى {name}</translation>
        </message>
        <message>
            <source>Select two entities to merge (or one, then Merge into…)</source>
            <translation>حدّد كيانين لدمجهما (أو كيانًا واحدًا، ثم دمج في…)</translation>
        </message>
        <message>
            <source>There is no other entity to merge into</source>
            <translation>لا يوجد كيان آخر للدمج فيه</translation>
        </message>
        <message>
            <source>Merge “{drop}” ({drop_type}, {drop_mentions}) into “{keep}” ({keep_type}, {keep_mentions})?

Every mention of “{drop}” will be linked to “{keep}”, and “{drop}” becomes one of its aliases. Undo reverses it.</source>
            <translation>هل تريد دمج “{drop}” ({drop_type}، {drop_mentions}) في “{keep}” ({keep_type}، {keep_mentions})؟

ستُربط كل إشارة إلى “{drop}” بالكيان “{keep}”، ويصبح “{drop}” أحد أسمائه البديلة. يمكن عكس ذلك بالتراجع.</translation>
        </message>
        <message>
            <source>Merge entities</source>
            <translation>دمج الكيانات</translation>
        </message>
        <message>
            <source>Merged {drop} into {keep}</source>
            <translation>تم دمج {drop} في {keep}</translation>
        </message>
        <message numerus="yes">
            <source>%n mentions</source>
            <translation>
                <numerusform>%n إشارة</numerusform>
                <numerusform>إشارة واحدة</numerusform>
                <numerusform>إشارتان</numerusform>
                <numerusform>%n إشارات</numerusform>
                <numerusform>%n إشارةً</numerusform>
                <numerusform>%n إشارة</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EntityChooser</name>
        <message>
            <source>Type to find an entity</source>
            <translation>اكتب للبحث عن كيان</translation>
        </message>
        <message>
            <source>Choose an entity</source>
            <translation>اختيار كيان</translation>
        </message>
    </context>
    <context>
        <name>EntityDialogs</name>
        <message numerus="yes">
            <source>Merge «{name}» (%n mentions) into:</source>
            <translation>
                <numerusform>دمج «{name}» (%n إشارة) في:</numerusform>
                <numerusform>دمج «{name}» (إشارة واحدة) في:</numerusform>
                <numerusform>دمج «{name}» (إشارتان) في:</numerusform>
                <numerusform>دمج «{name}» (%n إشارات) في:</numerusform>
                <numerusform>دمج «{name}» (%n إشارةً) في:</numerusform>
                <numerusform>دمج «{name}» (%n إشارة) في:</numerusform>
            </translation>
        </message>
        <message>
            <source>Merge into…</source>
            <translation>دمج في…</translation>
        </message>
    </context>
    <context>
        <name>EntityEditDialog</name>
        <message>
            <source>Rename entity</source>
            <translation>إعادة تسمية الكيان</translation>
        </message>
        <message>
            <source>One alias per line, or separated by commas on a single line.</source>
            <translation>اسم بديل واحد في كل سطر، أو أسماء مفصولة بفواصل في سطر واحد.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation>الأسماء البديلة</translation>
        </message>
        <message>
            <source>An entity needs a name.</source>
            <translation>يجب أن يكون للكيان اسم.</translation>
        </message>
    </context>
    <context>
        <name>EntityPicker</name>
        <message numerus="yes">
            <source>%n mentions</source>
            <translation>
                <numerusform>%n إشارة</numerusform>
                <numerusform>إشارة واحدة</numerusform>
                <numerusform>إشارتان</numerusform>
                <numerusform>%n إشارات</numerusform>
                <numerusform>%n إشارةً</numerusform>
                <numerusform>%n إشارة</numerusform>
            </translation>
        </message>
        <message>
            <source>no such span in this document</source>
            <translation>لا يوجد هذا المقطع في هذا المستند</translation>
        </message>
        <message>
            <source>Link «{text}» ({label}) to an entity</source>
            <translation>ربط «{text}» ({label}) بكيان</translation>
        </message>
        <message>
            <source>Link to entity</source>
            <translation>ربط بكيان</translation>
        </message>
        <message>
            <source> · linked now</source>
            <translation> · مرتبط الآن</translation>
        </message>
        <message>
            <source>Create new entity “{name}” · {label}</source>
            <translation>إنشاء كيان جديد “{name}” · {label}</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Not saved</source>
            <translation>لم يُحفظ</translation>
        </message>
        <message>
            <source>Project error</source>
            <translation>خطأ في المشروع</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>خطأ غير متوقع</translation>
        </message>
        <message>
            <source>Something went wrong: {kind}: {message}

The application keeps running. The details are in the log file:
{log}</source>
            <translation>حدث خطأ ما: {kind}: {message}

يواصل التطبيق العمل. التفاصيل في ملف السجل:
{log}</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Native JSONL (everything)</source>
            <translation>JSONL الأصلية (كل شيء)</translation>
        </message>
        <message>
            <source>doccano JSONL</source>
            <translation>doccano JSONL</translation>
        </message>
        <message>
            <source>Prodigy / spaCy JSONL (tokens + spans)</source>
            <translation>Prodigy / spaCy JSONL (الوحدات المعجمية + المقاطع)</translation>
        </message>
        <message>
            <source>CoNLL-2002 IOB2</source>
            <translation>CoNLL-2002 IOB2</translation>
        </message>
        <message>
            <source>brat standoff (folder)</source>
            <translation>brat بتعليقات منفصلة (مجلد)</translation>
        </message>
        <message>
            <source>Label Studio JSON (tasks with regions)</source>
            <translation>Label Studio JSON (مهام مع مناطق)</translation>
        </message>
        <message>
            <source>spaCy DocBin (.spacy, for spacy train)</source>
            <translation>spaCy DocBin (.spacy، للأمر spacy train)</translation>
        </message>
        <message numerus="yes">
            <source>%n attributes of {layer} spans</source>
            <translation>
                <numerusform>%n سمة لمقاطع {layer}</numerusform>
                <numerusform>سمة واحدة لمقاطع {layer}</numerusform>
                <numerusform>سمتان لمقاطع {layer}</numerusform>
                <numerusform>%n سمات لمقاطع {layer}</numerusform>
                <numerusform>%n سمةً لمقاطع {layer}</numerusform>
                <numerusform>%n سمة لمقاطع {layer}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n relations ({label})</source>
            <translation>
                <numerusform>%n علاقة ({label})</numerusform>
                <numerusform>علاقة واحدة ({label})</numerusform>
                <numerusform>علاقتان ({label})</numerusform>
                <numerusform>%n علاقات ({label})</numerusform>
                <numerusform>%n علاقةً ({label})</numerusform>
                <numerusform>%n علاقة ({label})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entity links</source>
            <translation>
                <numerusform>%n رابط بكيان</numerusform>
                <numerusform>رابط واحد بكيان</numerusform>
                <numerusform>رابطان بكيانات</numerusform>
                <numerusform>%n روابط بكيانات</numerusform>
                <numerusform>%n رابطًا بكيانات</numerusform>
                <numerusform>%n رابط بكيانات</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n spans of layer {layer}</source>
            <translation>
                <numerusform>%n مقطع من الطبقة {layer}</numerusform>
                <numerusform>مقطع واحد من الطبقة {layer}</numerusform>
                <numerusform>مقطعان من الطبقة {layer}</numerusform>
                <numerusform>%n مقاطع من الطبقة {layer}</numerusform>
                <numerusform>%n مقطعًا من الطبقة {layer}</numerusform>
                <numerusform>%n مقطع من الطبقة {layer}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nested or overlapping spans of layer {layer}</source>
            <translation>
                <numerusform>%n مقطع متضمَّن أو متداخل من الطبقة {layer}</numerusform>
                <numerusform>مقطع واحد متضمَّن أو متداخل من الطبقة {layer}</numerusform>
                <numerusform>مقطعان متضمَّنان أو متداخلان من الطبقة {layer}</numerusform>
                <numerusform>%n مقاطع متضمَّنة أو متداخلة من الطبقة {layer}</numerusform>
                <numerusform>%n مقطعًا متضمَّنًا أو متداخلًا من الطبقة {layer}</numerusform>
                <numerusform>%n مقطع متضمَّن أو متداخل من الطبقة {layer}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>the source, URL and other metadata of %n documents</source>
            <translation>
                <numerusform>المصدر والرابط والبيانات الوصفية الأخرى لـ%n مستند</numerusform>
                <numerusform>المصدر والرابط والبيانات الوصفية الأخرى لمستند واحد</numerusform>
                <numerusform>المصدر والرابط والبيانات الوصفية الأخرى لمستندين</numerusform>
                <numerusform>المصدر والرابط والبيانات الوصفية الأخرى لـ%n مستندات</numerusform>
                <numerusform>المصدر والرابط والبيانات الوصفية الأخرى لـ%n مستندًا</numerusform>
                <numerusform>المصدر والرابط والبيانات الوصفية الأخرى لـ%n مستند</numerusform>
            </translation>
        </message>
        <message>
            <source>Export</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>اختيار…</translation>
        </message>
        <message>
            <source>All layers</source>
            <translation>كل الطبقات</translation>
        </message>
        <message>
            <source>All labels</source>
            <translation>كل التسميات</translation>
        </message>
        <message>
            <source>All annotators (gold where adjudicated)</source>
            <translation>كل المُعلِّقين (المجموعة الذهبية حيث حُسمت)</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>الصيغة</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>الطبقة</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation>المُعلِّق</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>الحفظ في</translation>
        </message>
        <message>
            <source>Tick at least one document status: nothing would be written.</source>
            <translation>حدّد حالة مستند واحدة على الأقل، وإلا فلن يُكتب شيء.</translation>
        </message>
        <message>
            <source>{documents}, {spans} will be written.</source>
            <translation>ستُكتب: {documents}، {spans}.</translation>
        </message>
        <message>
            <source>This format cannot carry: {losses}.</source>
            <translation>لا تستوعب هذه الصيغة: {losses}.</translation>
        </message>
        <message>
            <source>The spaCy format needs spaCy: {install}</source>
            <translation>تتطلب صيغة spaCy تثبيت spaCy: {install}</translation>
        </message>
        <message>
            <source>Export to a new folder</source>
            <translation>تصدير إلى مجلد جديد</translation>
        </message>
        <message>
            <source>Export to file</source>
            <translation>تصدير إلى ملف</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in the article</source>
            <translation>بحث في المقال</translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter, Shift+F3)</source>
            <translation>التطابق السابق (Shift+Enter، Shift+F3)</translation>
        </message>
        <message>
            <source>Next match (Enter, F3)</source>
            <translation>التطابق التالي (Enter، F3)</translation>
        </message>
        <message>
            <source>The label that Label all and In all documents give the matches</source>
            <translation>التسمية التي يعطيها الأمران “تسمية الكل” و“في كل المستندات” للتطابقات</translation>
        </message>
        <message>
            <source>&amp;Label all</source>
            <translation>&amp;تسمية الكل</translation>
        </message>
        <message>
            <source>A span of this label at every match the layer's overlap rule allows (one undo step)</source>
            <translation>مقطع بهذه التسمية عند كل تطابق تسمح به قاعدة التداخل في الطبقة (خطوة تراجع واحدة)</translation>
        </message>
        <message>
            <source>In all &amp;documents</source>
            <translation>في كل الم&amp;ستندات</translation>
        </message>
        <message>
            <source>Store the matches of every other document as suggestions of this label: they show when those documents open</source>
            <translation>حفظ تطابقات كل مستند آخر بوصفها اقتراحات بهذه التسمية: تظهر عند فتح تلك المستندات</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>إغلاق (Esc)</translation>
        </message>
        <message>
            <source>no match</source>
            <translation>لا يوجد تطابق</translation>
        </message>
        <message>
            <source>{n} of {total}</source>
            <translation>{n} من {total}</translation>
        </message>
        <message>
            <source>nothing labelled: every match overlaps a span</source>
            <translation>لم يُسمَّ شيء: كل تطابق يتداخل مع مقطع</translation>
        </message>
        <message numerus="yes">
            <source>labelled %n matches {label}, {skipped} skipped (overlap)</source>
            <translation>
                <numerusform>تمت تسمية %n تطابق بالتسمية {label}، وتم تجاوز {skipped} (تداخل)</numerusform>
                <numerusform>تمت تسمية تطابق واحد بالتسمية {label}، وتم تجاوز {skipped} (تداخل)</numerusform>
                <numerusform>تمت تسمية تطابقين بالتسمية {label}، وتم تجاوز {skipped} (تداخل)</numerusform>
                <numerusform>تمت تسمية %n تطابقات بالتسمية {label}، وتم تجاوز {skipped} (تداخل)</numerusform>
                <numerusform>تمت تسمية %n تطابقًا بالتسمية {label}، وتم تجاوز {skipped} (تداخل)</numerusform>
                <numerusform>تمت تسمية %n تطابق بالتسمية {label}، وتم تجاوز {skipped} (تداخل)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>labelled %n matches {label}</source>
            <translation>
                <numerusform>تمت تسمية %n تطابق بالتسمية {label}</numerusform>
                <numerusform>تمت تسمية تطابق واحد بالتسمية {label}</numerusform>
                <numerusform>تمت تسمية تطابقين بالتسمية {label}</numerusform>
                <numerusform>تمت تسمية %n تطابقات بالتسمية {label}</numerusform>
                <numerusform>تمت تسمية %n تطابقًا بالتسمية {label}</numerusform>
                <numerusform>تمت تسمية %n تطابق بالتسمية {label}</numerusform>
            </translation>
        </message>
        <message>
            <source>Find in all documents</source>
            <translation>البحث في كل المستندات</translation>
        </message>
        <message>
            <source>Searching the other documents…</source>
            <translation>جارٍ البحث في المستندات الأخرى…</translation>
        </message>
        <message>
            <source>search in the other documents cancelled: nothing stored</source>
            <translation>أُلغي البحث في المستندات الأخرى: لم يُحفظ شيء</translation>
        </message>
        <message>
            <source>no new match in the other documents</source>
            <translation>لا يوجد تطابق جديد في المستندات الأخرى</translation>
        </message>
        <message numerus="yes">
            <source>%n matches suggested as {label} (other documents: {documents})</source>
            <translation>
                <numerusform>تم اقتراح %n تطابق بالتسمية {label} (المستندات الأخرى: {documents})</numerusform>
                <numerusform>تم اقتراح تطابق واحد بالتسمية {label} (المستندات الأخرى: {documents})</numerusform>
                <numerusform>تم اقتراح تطابقين بالتسمية {label} (المستندات الأخرى: {documents})</numerusform>
                <numerusform>تم اقتراح %n تطابقات بالتسمية {label} (المستندات الأخرى: {documents})</numerusform>
                <numerusform>تم اقتراح %n تطابقًا بالتسمية {label} (المستندات الأخرى: {documents})</numerusform>
                <numerusform>تم اقتراح %n تطابق بالتسمية {label} (المستندات الأخرى: {documents})</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Fonts</name>
        <message>
            <source>no .ttf font in {folder}: the installation is incomplete</source>
            <translation>لا يوجد خط .ttf في {folder}: التثبيت غير مكتمل</translation>
        </message>
        <message>
            <source>Qt could not load the font file {path}</source>
            <translation>تعذّر على Qt تحميل ملف الخط {path}</translation>
        </message>
        <message>
            <source>{path} is {families}, expected the family {family}</source>
            <translation>{path} خط من العائلة {families}، والمتوقع العائلة {family}</translation>
        </message>
    </context>
    <context>
        <name>ImportExport</name>
        <message numerus="yes">
            <source>%n documents</source>
            <translation>
                <numerusform>%n مستند</numerusform>
                <numerusform>مستند واحد</numerusform>
                <numerusform>مستندان</numerusform>
                <numerusform>%n مستندات</numerusform>
                <numerusform>%n مستندًا</numerusform>
                <numerusform>%n مستند</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n spans</source>
            <translation>
                <numerusform>%n مقطع</numerusform>
                <numerusform>مقطع واحد</numerusform>
                <numerusform>مقطعان</numerusform>
                <numerusform>%n مقاطع</numerusform>
                <numerusform>%n مقطعًا</numerusform>
                <numerusform>%n مقطع</numerusform>
            </translation>
        </message>
        <message>
            <source>Import pre-annotations as suggestions</source>
            <translation>استيراد تعليقات مسبقة بوصفها اقتراحات</translation>
        </message>
        <message>
            <source>Annotated files (*.jsonl *.ndjson *.json *.conll *.ann *.tsv)</source>
            <translation>الملفات المعلَّق عليها (*.jsonl *.ndjson *.json *.conll *.ann *.tsv)</translation>
        </message>
        <message>
            <source>Import documents</source>
            <translation>استيراد مستندات</translation>
        </message>
        <message>
            <source>Documents (*.txt *.jsonl *.ndjson *.json *.csv *.tsv *.html *.htm *.conll *.ann)</source>
            <translation>المستندات (*.txt *.jsonl *.ndjson *.json *.csv *.tsv *.html *.htm *.conll *.ann)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>كل الملفات (*)</translation>
        </message>
        <message>
            <source>Import a folder of documents</source>
            <translation>استيراد مجلد مستندات</translation>
        </message>
        <message>
            <source>An import is already running</source>
            <translation>هناك عملية استيراد جارية بالفعل</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>استيراد</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>جارٍ الاستيراد…</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n documents…</source>
            <translation>
                <numerusform>تم استيراد %n مستند…</numerusform>
                <numerusform>تم استيراد مستند واحد…</numerusform>
                <numerusform>تم استيراد مستندين…</numerusform>
                <numerusform>تم استيراد %n مستندات…</numerusform>
                <numerusform>تم استيراد %n مستندًا…</numerusform>
                <numerusform>تم استيراد %n مستند…</numerusform>
            </translation>
        </message>
        <message>
            <source>By format: {formats}.</source>
            <translation>حسب الصيغة: {formats}.</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… و%n غيرها</numerusform>
                <numerusform>… وواحد آخر</numerusform>
                <numerusform>… واثنان آخران</numerusform>
                <numerusform>… و%n غيرها</numerusform>
                <numerusform>… و%n غيرها</numerusform>
                <numerusform>… و%n غيرها</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warnings.</source>
            <translation>
                <numerusform>%n تحذير.</numerusform>
                <numerusform>تحذير واحد.</numerusform>
                <numerusform>تحذيران.</numerusform>
                <numerusform>%n تحذيرات.</numerusform>
                <numerusform>%n تحذيرًا.</numerusform>
                <numerusform>%n تحذير.</numerusform>
            </translation>
        </message>
        <message>
            <source>Imported with a change:</source>
            <translation>ما استُورد مع تغيير:</translation>
        </message>
        <message>
            <source>Added to the project's labels, as they were in the imported data: {labels}</source>
            <translation>أُضيفت إلى تسميات المشروع كما وردت في البيانات المستوردة: {labels}</translation>
        </message>
        <message>
            <source>Added to the project's attributes, as they were in the imported data: {attributes}</source>
            <translation>أُضيفت إلى سمات المشروع كما وردت في البيانات المستوردة: {attributes}</translation>
        </message>
        <message>
            <source>Import finished with problems</source>
            <translation>انتهى الاستيراد مع مشكلات</translation>
        </message>
        <message>
            <source>Import added labels</source>
            <translation>أضاف الاستيراد تسميات</translation>
        </message>
        <message>
            <source>Import added attributes</source>
            <translation>أضاف الاستيراد سمات</translation>
        </message>
        <message>
            <source>Import finished with warnings</source>
            <translation>انتهى الاستيراد مع تحذيرات</translation>
        </message>
        <message>
            <source>{spans}, {suggestions}</source>
            <translation>{spans}، {suggestions}</translation>
        </message>
        <message numerus="yes">
            <source>%n suggestions</source>
            <translation>
                <numerusform>%n اقتراح</numerusform>
                <numerusform>اقتراح واحد</numerusform>
                <numerusform>اقتراحان</numerusform>
                <numerusform>%n اقتراحات</numerusform>
                <numerusform>%n اقتراحًا</numerusform>
                <numerusform>%n اقتراح</numerusform>
            </translation>
        </message>
        <message>
            <source>Import cancelled: imported {documents} ({spans}); {duplicates} skipped; {rejected}.</source>
            <translation>أُلغي الاستيراد؛ المستورد: {documents} ({spans})؛ ولم يُستورد {duplicates}؛ و{rejected}.</translation>
        </message>
        <message>
            <source>Imported {documents} ({spans}); {duplicates} skipped; {rejected}.</source>
            <translation>تم الاستيراد: {documents} ({spans})؛ ولم يُستورد {duplicates}؛ و{rejected}.</translation>
        </message>
        <message numerus="yes">
            <source>%n duplicates</source>
            <translation>
                <numerusform>%n مستند مكرر</numerusform>
                <numerusform>مستند مكرر واحد</numerusform>
                <numerusform>مستندان مكرران</numerusform>
                <numerusform>%n مستندات مكررة</numerusform>
                <numerusform>%n مستندًا مكررًا</numerusform>
                <numerusform>%n مستند مكرر</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rejected</source>
            <translation>
                <numerusform>رُفض %n سجل</numerusform>
                <numerusform>رُفض سجل واحد</numerusform>
                <numerusform>رُفض سجلان</numerusform>
                <numerusform>رُفض %n سجلات</numerusform>
                <numerusform>رُفض %n سجلًا</numerusform>
                <numerusform>رُفض %n سجل</numerusform>
            </translation>
        </message>
        <message>
            <source>{rejects} answered reject (skipped: not suggestions), {ignores}.</source>
            <translation>{rejects} أُجيب عنها بالرفض (تم تجاوزها: ليست اقتراحات)، و{ignores}.</translation>
        </message>
        <message>
            <source>{rejects} answered reject (kept as rejected suggestions), {ignores}.</source>
            <translation>{rejects} أُجيب عنها بالرفض (احتُفظ بها اقتراحاتٍ مرفوضة)، و{ignores}.</translation>
        </message>
        <message numerus="yes">
            <source>%n Prodigy tasks</source>
            <translation>
                <numerusform>%n مهمة Prodigy</numerusform>
                <numerusform>مهمة Prodigy واحدة</numerusform>
                <numerusform>مهمتا Prodigy</numerusform>
                <numerusform>%n مهام Prodigy</numerusform>
                <numerusform>%n مهمةً من Prodigy</numerusform>
                <numerusform>%n مهمة Prodigy</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ignore (skipped)</source>
            <translation>
                <numerusform>%n أُجيب عنها بالتجاهل (تم تجاوزها)</numerusform>
                <numerusform>واحدة أُجيب عنها بالتجاهل (تم تجاوزها)</numerusform>
                <numerusform>اثنتان أُجيب عنهما بالتجاهل (تم تجاوزهما)</numerusform>
                <numerusform>%n أُجيب عنها بالتجاهل (تم تجاوزها)</numerusform>
                <numerusform>%n أُجيب عنها بالتجاهل (تم تجاوزها)</numerusform>
                <numerusform>%n أُجيب عنها بالتجاهل (تم تجاوزها)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n accepted Prodigy tasks joined the document of their text.</source>
            <translation>
                <numerusform>انضمت %n مهمة Prodigy مقبولة إلى مستند نصها.</numerusform>
                <numerusform>انضمت مهمة Prodigy مقبولة واحدة إلى مستند نصها.</numerusform>
                <numerusform>انضمت مهمتا Prodigy مقبولتان إلى مستند نصهما.</numerusform>
                <numerusform>انضمت %n مهام Prodigy مقبولة إلى مستند نصها.</numerusform>
                <numerusform>انضمت %n مهمةً مقبولة من Prodigy إلى مستند نصها.</numerusform>
                <numerusform>انضمت %n مهمة Prodigy مقبولة إلى مستند نصها.</numerusform>
            </translation>
        </message>
        <message>
            <source>Annotators' sets of documents already in the project: {added}, {replaced}, {unchanged}.</source>
            <translation>مجموعات تعليقات المُعلِّقين لمستندات موجودة بالفعل في المشروع: {added}، {replaced}، {unchanged}.</translation>
        </message>
        <message numerus="yes">
            <source>%n added</source>
            <translation>
                <numerusform>أُضيفت %n</numerusform>
                <numerusform>أُضيفت واحدة</numerusform>
                <numerusform>أُضيفت اثنتان</numerusform>
                <numerusform>أُضيفت %n</numerusform>
                <numerusform>أُضيفت %n</numerusform>
                <numerusform>أُضيفت %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n replaced</source>
            <translation>
                <numerusform>استُبدلت %n</numerusform>
                <numerusform>استُبدلت واحدة</numerusform>
                <numerusform>استُبدلت اثنتان</numerusform>
                <numerusform>استُبدلت %n</numerusform>
                <numerusform>استُبدلت %n</numerusform>
                <numerusform>استُبدلت %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unchanged</source>
            <translation>
                <numerusform>لم تتغير %n</numerusform>
                <numerusform>لم تتغير واحدة</numerusform>
                <numerusform>لم تتغير اثنتان</numerusform>
                <numerusform>لم تتغير %n</numerusform>
                <numerusform>لم تتغير %n</numerusform>
                <numerusform>لم تتغير %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Export: tick at least one document status</source>
            <translation>التصدير: حدّد حالة مستند واحدة على الأقل</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>جارٍ التصدير…</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n documents…</source>
            <translation>
                <numerusform>تم تصدير %n مستند…</numerusform>
                <numerusform>تم تصدير مستند واحد…</numerusform>
                <numerusform>تم تصدير مستندين…</numerusform>
                <numerusform>تم تصدير %n مستندات…</numerusform>
                <numerusform>تم تصدير %n مستندًا…</numerusform>
                <numerusform>تم تصدير %n مستند…</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled: nothing was written</source>
            <translation>أُلغي التصدير: لم يُكتب شيء</translation>
        </message>
        <message>
            <source>Export refused</source>
            <translation>رُفض التصدير</translation>
        </message>
        <message>
            <source>Export refused: nothing was written</source>
            <translation>رُفض التصدير: لم يُكتب شيء</translation>
        </message>
        <message>
            <source>{path}: {reason}</source>
            <translation>{path}: {reason}</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>فشل التصدير</translation>
        </message>
        <message>
            <source>Export failed: nothing was written</source>
            <translation>فشل التصدير: لم يُكتب شيء</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n documents to {path}</source>
            <translation>
                <numerusform>تم تصدير %n مستند إلى {path}</numerusform>
                <numerusform>تم تصدير مستند واحد إلى {path}</numerusform>
                <numerusform>تم تصدير مستندين إلى {path}</numerusform>
                <numerusform>تم تصدير %n مستندات إلى {path}</numerusform>
                <numerusform>تم تصدير %n مستندًا إلى {path}</numerusform>
                <numerusform>تم تصدير %n مستند إلى {path}</numerusform>
            </translation>
        </message>
        <message>
            <source>Left out or changed on the way:</source>
            <translation>ما استُبعد أو تغيّر أثناء التصدير:</translation>
        </message>
        <message>
            <source>Export finished with warnings</source>
            <translation>انتهى التصدير مع تحذيرات</translation>
        </message>
        <message>
            <source>{path}:{line}: {reason}</source>
            <translation>{path}:{line}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ImportFormatDialog</name>
        <message>
            <source>Detect from content</source>
            <translation>الكشف من المحتوى</translation>
        </message>
        <message>
            <source>txt: plain text, each file one document</source>
            <translation>txt: نص عادي، كل ملف مستند واحد</translation>
        </message>
        <message>
            <source>jsonl: JSON records (annotator, doccano, Prodigy)</source>
            <translation>jsonl: سجلات JSON (annotator، doccano، Prodigy)</translation>
        </message>
        <message>
            <source>csv: CSV or TSV table, a row per document</source>
            <translation>csv: جدول CSV أو TSV، صف لكل مستند</translation>
        </message>
        <message>
            <source>html: a web page's article text</source>
            <translation>html: نص المقال في صفحة ويب</translation>
        </message>
        <message>
            <source>brat: standoff .ann with its .txt</source>
            <translation>brat: ملف .ann منفصل مع ملف .txt المرافق له</translation>
        </message>
        <message>
            <source>webanno: INCEpTION / WebAnno TSV3</source>
            <translation>webanno: INCEpTION / WebAnno TSV3</translation>
        </message>
        <message>
            <source>labelstudio: Label Studio tasks (JSON, JSONL, JSON-MIN)</source>
            <translation>labelstudio: مهام Label Studio (JSON، JSONL، JSON-MIN)</translation>
        </message>
        <message>
            <source>conll: CoNLL / IOB, a token per line</source>
            <translation>conll: CoNLL / IOB، وحدة معجمية في كل سطر</translation>
        </message>
        <message>
            <source>Import as</source>
            <translation>استيراد بصيغة</translation>
        </message>
        <message>
            <source>text, content, body or article</source>
            <translation>text أو content أو body أو article</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>الصيغة:</translation>
        </message>
        <message>
            <source>Text column (CSV/TSV):</source>
            <translation>عمود النص (CSV/TSV):</translation>
        </message>
    </context>
    <context>
        <name>ImportTask</name>
        <message>
            <source>this is the project itself; it cannot be imported into it</source>
            <translation>هذا هو المشروع نفسه؛ لا يمكن استيراده إليه</translation>
        </message>
        <message>
            <source>this is a file belonging to the project; it cannot be imported into it</source>
            <translation>هذا ملف تابع للمشروع؛ لا يمكن استيراده إليه</translation>
        </message>
    </context>
    <context>
        <name>KeyOwners</name>
        <message>
            <source>another shortcut of the window</source>
            <translation>اختصار آخر في النافذة</translation>
        </message>
        <message>
            <source>the label {label}</source>
            <translation>التسمية {label}</translation>
        </message>
        <message>
            <source>the article: {what}</source>
            <translation>المقال: {what}</translation>
        </message>
    </context>
    <context>
        <name>LabelEditor</name>
        <message>
            <source>Labels</source>
            <translation>التسميات</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Arabic name</source>
            <translation>الاسم العربي</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>المفتاح</translation>
        </message>
        <message>
            <source>none: the name is shown</source>
            <translation>لا شيء: يظهر الاسم نفسه</translation>
        </message>
        <message>
            <source>none</source>
            <translation>بلا</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;تطبيق</translation>
        </message>
        <message>
            <source>&amp;Colour…</source>
            <translation>ال&amp;لون…</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>الاسم:</translation>
        </message>
        <message>
            <source>Arabic name:</source>
            <translation>الاسم العربي:</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>المفتاح:</translation>
        </message>
        <message>
            <source>new label name</source>
            <translation>اسم التسمية الجديدة</translation>
        </message>
        <message>
            <source>key</source>
            <translation>المفتاح</translation>
        </message>
        <message>
            <source>A&amp;dd label</source>
            <translation>إ&amp;ضافة تسمية</translation>
        </message>
        <message>
            <source>Colour of {label}</source>
            <translation>لون {label}</translation>
        </message>
    </context>
    <context>
        <name>LabelPalette</name>
        <message>
            <source>{label} ({layer})

{guideline}</source>
            <translation>{label} ({layer})

{guideline}</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>La&amp;nguage</source>
            <translation>ال&amp;لغة</translation>
        </message>
        <message>
            <source>Show the window in this language (remembered)</source>
            <translation>عرض النافذة بهذه اللغة (يُحفظ الاختيار)</translation>
        </message>
        <message>
            <source>The language changes after the import; choose it again then</source>
            <translation>تتغيّر اللغة بعد انتهاء الاستيراد؛ اخترها مرة أخرى حينئذٍ</translation>
        </message>
    </context>
    <context>
        <name>Lists</name>
        <message>
            <source>, </source>
            <translation>، </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>This project has no documents yet: File &gt; Import…</source>
            <translation>لا يحتوي هذا المشروع على مستندات بعد: ملف &gt; استيراد…</translation>
        </message>
        <message>
            <source>{document} — {project} — annotator</source>
            <translation>{document} — {project} — annotator</translation>
        </message>
        <message>
            <source>{project} — annotator</source>
            <translation>{project} — annotator</translation>
        </message>
        <message>
            <source>{title} [read-only]</source>
            <translation>{title} [للقراءة فقط]</translation>
        </message>
        <message>
            <source>{path} is open read-only</source>
            <translation>{path} مفتوح للقراءة فقط</translation>
        </message>
        <message>
            <source>Cannot open document</source>
            <translation>تعذّر فتح المستند</translation>
        </message>
        <message>
            <source>Display problem</source>
            <translation>مشكلة في العرض</translation>
        </message>
        <message>
            <source>No more documents in this list</source>
            <translation>لا مزيد من المستندات في هذه القائمة</translation>
        </message>
        <message>
            <source>Stopping the import; the window closes when the current batch is stored</source>
            <translation>جارٍ إيقاف الاستيراد؛ ستُغلق النافذة عند حفظ الدفعة الحالية</translation>
        </message>
    </context>
    <context>
        <name>MergePackages</name>
        <message>
            <source>All files (*)</source>
            <translation>كل الملفات (*)</translation>
        </message>
        <message>
            <source>Packages (*.annotator)</source>
            <translation>الحزم (*.annotator)</translation>
        </message>
        <message>
            <source>Merge packages</source>
            <translation>دمج الحزم</translation>
        </message>
        <message>
            <source>Merge refused</source>
            <translation>رُفض الدمج</translation>
        </message>
        <message>
            <source>Merge refused: nothing was changed</source>
            <translation>رُفض الدمج: لم يتغير شيء</translation>
        </message>
        <message>
            <source>Merged {packages}: {changed}.</source>
            <translation>تم دمج {packages}: {changed}.</translation>
        </message>
        <message numerus="yes">
            <source>%n packages</source>
            <translation>
                <numerusform>%n حزمة</numerusform>
                <numerusform>حزمة واحدة</numerusform>
                <numerusform>حزمتان</numerusform>
                <numerusform>%n حزم</numerusform>
                <numerusform>%n حزمة</numerusform>
                <numerusform>%n حزمة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document sets changed</source>
            <translation>
                <numerusform>تغيّرت %n مجموعة تعليقات</numerusform>
                <numerusform>تغيّرت مجموعة تعليقات واحدة</numerusform>
                <numerusform>تغيّرت مجموعتا تعليقات</numerusform>
                <numerusform>تغيّرت %n مجموعات تعليقات</numerusform>
                <numerusform>تغيّرت %n مجموعة تعليقات</numerusform>
                <numerusform>تغيّرت %n مجموعة تعليقات</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n documents</source>
            <translation>
                <numerusform>%n مستند</numerusform>
                <numerusform>مستند واحد</numerusform>
                <numerusform>مستندان</numerusform>
                <numerusform>%n مستندات</numerusform>
                <numerusform>%n مستندًا</numerusform>
                <numerusform>%n مستند</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n changed</source>
            <translation>
                <numerusform>تغيّر %n منها</numerusform>
                <numerusform>تغيّر واحد منها</numerusform>
                <numerusform>تغيّر اثنان منها</numerusform>
                <numerusform>تغيّر %n منها</numerusform>
                <numerusform>تغيّر %n منها</numerusform>
                <numerusform>تغيّر %n منها</numerusform>
            </translation>
        </message>
        <message>
            <source>{annotator}: {documents}, {changed}, {kept}</source>
            <translation>{annotator}: {documents}، {changed}، {kept}</translation>
        </message>
        <message numerus="yes">
            <source>%n kept from a newer package</source>
            <translation>
                <numerusform>احتُفظ بـ%n منها من حزمة أحدث</numerusform>
                <numerusform>احتُفظ بواحد منها من حزمة أحدث</numerusform>
                <numerusform>احتُفظ باثنين منها من حزمة أحدث</numerusform>
                <numerusform>احتُفظ بـ%n منها من حزمة أحدث</numerusform>
                <numerusform>احتُفظ بـ%n منها من حزمة أحدث</numerusform>
                <numerusform>احتُفظ بـ%n منها من حزمة أحدث</numerusform>
            </translation>
        </message>
        <message>
            <source>{annotator}: {documents}, {changed}</source>
            <translation>{annotator}: {documents}، {changed}</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>no document is open</source>
            <translation>لا يوجد مستند مفتوح</translation>
        </message>
        <message>
            <source>the document is still loading</source>
            <translation>لا يزال المستند قيد التحميل</translation>
        </message>
        <message>
            <source>the project is open read-only</source>
            <translation>المشروع مفتوح للقراءة فقط</translation>
        </message>
        <message>
            <source>the set of {name} is shown read-only; annotate as {name} to change it</source>
            <translation>مجموعة {name} معروضة للقراءة فقط؛ علّق باسم {name} لتغييرها</translation>
        </message>
        <message>
            <source>an entity needs a name</source>
            <translation>يجب أن يكون للكيان اسم</translation>
        </message>
        <message>
            <source>an entity cannot be merged into itself</source>
            <translation>لا يمكن دمج كيان في نفسه</translation>
        </message>
        <message>
            <source>no span {span!r} in this document</source>
            <translation>لا يوجد مقطع {span!r} في هذا المستند</translation>
        </message>
        <message>
            <source>no entity {entity!r} in the project</source>
            <translation>لا يوجد كيان {entity!r} في المشروع</translation>
        </message>
        <message>
            <source>no label {label!r} in the project</source>
            <translation>لا توجد تسمية {label!r} في المشروع</translation>
        </message>
        <message>
            <source>{label} spans have no attribute {name!r}</source>
            <translation>ليس لمقاطع {label} سمة {name!r}</translation>
        </message>
        <message>
            <source>layer {layer} has no attribute {name!r}</source>
            <translation>ليس للطبقة {layer} سمة {name!r}</translation>
        </message>
        <message>
            <source>{layer!r} is not a layer of the schema</source>
            <translation>{layer!r} ليست طبقة في مخطط التسميات</translation>
        </message>
        <message>
            <source>label {name} stays in layer {layer}</source>
            <translation>تبقى التسمية {name} في الطبقة {layer}</translation>
        </message>
        <message>
            <source>label {name} is already defined (layer {layer})</source>
            <translation>التسمية {name} معرّفة بالفعل (الطبقة {layer})</translation>
        </message>
        <message>
            <source>label {name}: color must be #rrggbb, not {color!r}</source>
            <translation>التسمية {name}: يجب أن يكون اللون بالشكل #rrggbb، لا {color!r}</translation>
        </message>
        <message>
            <source>key {key!r} is already used by {owner}</source>
            <translation>المفتاح {key!r} مستخدم بالفعل: {owner}</translation>
        </message>
        <message>
            <source>label {name}: a display name is one line of at most {most} printable characters, not {title!r}</source>
            <translation>التسمية {name}: الاسم المعروض سطر واحد من {most} حرفًا قابلًا للطباعة على الأكثر، وليس {title!r}</translation>
        </message>
        <message>
            <source>{start}-{end} is outside the document</source>
            <translation>{start}-{end} خارج المستند</translation>
        </message>
        <message>
            <source>«{text}» is already {label}</source>
            <translation>«{text}» يحمل التسمية {label} بالفعل</translation>
        </message>
        <message>
            <source>attribute {name} must be a string</source>
            <translation>يجب أن تكون السمة {name} نصًا</translation>
        </message>
        <message>
            <source>attribute {name} is a flag: true or false, not {value!r}</source>
            <translation>السمة {name} قيمة منطقية: true أو false، لا {value!r}</translation>
        </message>
        <message>
            <source>attribute {name} must be {{start, end, text}} matching the document</source>
            <translation>يجب أن تكون السمة {name} بالشكل {{start, end, text}} مطابقةً للمستند</translation>
        </message>
        <message>
            <source>{label} spans have no claimant</source>
            <translation>ليس لمقاطع {label} صاحب ادعاء</translation>
        </message>
        <message>
            <source>a claimant is an entity, not another claim</source>
            <translation>صاحب الادعاء كيان، وليس ادعاءً آخر</translation>
        </message>
        <message>
            <source>span {span} ({start!r}-{end!r} {label}) is listed twice; kept once</source>
            <translation>المقطع {span} ({start!r}-{end!r} {label}) مُدرج مرتين؛ احتُفظ به مرة واحدة</translation>
        </message>
        <message>
            <source>field {name!r} is also in "meta"; the value in "meta" is kept</source>
            <translation>الحقل {name!r} موجود أيضًا في "meta"؛ احتُفظ بالقيمة الموجودة في "meta"</translation>
        </message>
        <message>
            <source>span {start}-{end} {label} is already in the document of this text (an earlier task); kept once</source>
            <translation>المقطع {start}-{end} {label} موجود بالفعل في مستند هذا النص (مهمة سابقة)؛ احتُفظ به مرة واحدة</translation>
        </message>
        <message>
            <source>span {start}-{end} {label} is not kept: it crosses {other} of an earlier task of this text, which layer {layer} does not allow</source>
            <translation>لم يُحتفظ بالمقطع {start}-{end} {label}: فهو يتقاطع مع {other} من مهمة سابقة لهذا النص، وهو ما لا تسمح به الطبقة {layer}</translation>
        </message>
        <message>
            <source>relation {label} is not kept: one of its spans was not</source>
            <translation>لم يُحتفظ بالعلاقة {label}: لأنه لم يُحتفظ بأحد مقطعيها</translation>
        </message>
        <message>
            <source>the spaCy format needs spaCy: {install}</source>
            <translation>تتطلب صيغة spaCy تثبيت spaCy: {install}</translation>
        </message>
        <message>
            <source>{path} is open for writing by {holder}; close it there, or open this project read-only</source>
            <translation>{path} مفتوح للكتابة لدى {holder}؛ أغلقه هناك، أو افتح هذا المشروع للقراءة فقط</translation>
        </message>
        <message>
            <source>{path}: no such project file</source>
            <translation>{path}: لا يوجد ملف مشروع بهذا الاسم</translation>
        </message>
        <message>
            <source>{path} is closed</source>
            <translation>{path} مغلق</translation>
        </message>
        <message>
            <source>{path} is open read-only</source>
            <translation>{path} مفتوح للقراءة فقط</translation>
        </message>
        <message>
            <source>{path} cannot be written (it or its folder is read-only): make it writable and open it again, or open it read-only</source>
            <translation>تتعذر الكتابة في {path} (هو أو مجلده للقراءة فقط): اجعله قابلًا للكتابة وافتحه مجددًا، أو افتحه للقراءة فقط</translation>
        </message>
        <message>
            <source>{path} cannot be written (it or its folder is read-only): make it writable and open it again, or open it read-only (your last action was not saved; everything before it is)</source>
            <translation>تتعذر الكتابة في {path} (هو أو مجلده للقراءة فقط): اجعله قابلًا للكتابة وافتحه مجددًا، أو افتحه للقراءة فقط (لم يُحفظ إجراؤك الأخير؛ وحُفظ كل ما قبله)</translation>
        </message>
        <message>
            <source>{path} already exists</source>
            <translation>{path} موجود بالفعل</translation>
        </message>
        <message>
            <source>{path} is a project, not a package made by `annotator assign`</source>
            <translation>{path} مشروع، وليس حزمة أنشأها `annotator assign`</translation>
        </message>
        <message>
            <source>{path} is a package of another project</source>
            <translation>{path} حزمة تابعة لمشروع آخر</translation>
        </message>
        <message>
            <source>{path}: {count} documents are not in the project (first: {doc_id})</source>
            <translation>{path}: مستندات غير موجودة في المشروع: {count} (أولها: {doc_id})</translation>
        </message>
        <message>
            <source>{path} is not a folder</source>
            <translation>{path} ليس مجلدًا</translation>
        </message>
        <message>
            <source>no document {doc_id!r}</source>
            <translation>لا يوجد مستند {doc_id!r}</translation>
        </message>
        <message>
            <source>no span {span_id!r}</source>
            <translation>لا يوجد مقطع {span_id!r}</translation>
        </message>
        <message>
            <source>no entity {entity_id!r}</source>
            <translation>لا يوجد كيان {entity_id!r}</translation>
        </message>
        <message>
            <source>{path}: not an annotator project (a SQLite file of another program)</source>
            <translation>{path}: ليس مشروع annotator (ملف SQLite لبرنامج آخر)</translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and open it again</source>
            <translation>القرص الذي يحوي {path} ممتلئ: حرّر بعض المساحة وافتحه مجددًا</translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and open it again, or open it read-only</source>
            <translation>القرص الذي يحوي {path} ممتلئ: حرّر بعض المساحة وافتحه مجددًا، أو افتحه للقراءة فقط</translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and create it again</source>
            <translation>القرص الذي يحوي {path} ممتلئ: حرّر بعض المساحة وأنشئه مجددًا</translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space and try again (your last action was not saved; everything before it is)</source>
            <translation>القرص الذي يحوي {path} ممتلئ: حرّر بعض المساحة وحاول مجددًا (لم يُحفظ إجراؤك الأخير؛ وحُفظ كل ما قبله)</translation>
        </message>
        <message>
            <source>{path} is busy: another program kept it locked, try again in a moment</source>
            <translation>{path} مشغول: أبقاه برنامج آخر مقفلًا، حاول مجددًا بعد لحظات</translation>
        </message>
        <message>
            <source>{path} is busy: another program kept it locked, try again in a moment (your last action was not saved; everything before it is)</source>
            <translation>{path} مشغول: أبقاه برنامج آخر مقفلًا، حاول مجددًا بعد لحظات (لم يُحفظ إجراؤك الأخير؛ وحُفظ كل ما قبله)</translation>
        </message>
        <message>
            <source>{path} is damaged ({detail}): run `annotator check` on it or restore a backup copy</source>
            <translation>{path} تالف ({detail}): شغّل `annotator check` عليه أو استعد نسخة احتياطية</translation>
        </message>
        <message>
            <source>{path} is damaged ({detail}): run `annotator check` on it or restore a backup copy (your last action was not saved; everything before it is)</source>
            <translation>{path} تالف ({detail}): شغّل `annotator check` عليه أو استعد نسخة احتياطية (لم يُحفظ إجراؤك الأخير؛ وحُفظ كل ما قبله)</translation>
        </message>
        <message>
            <source>{path} could not be read or written ({detail}): check the disk and open the project again</source>
            <translation>تعذّرت القراءة من {path} أو الكتابة فيه ({detail}): افحص القرص وافتح المشروع مجددًا</translation>
        </message>
        <message>
            <source>{path} could not be read or written ({detail}): check the disk and open the project again (your last action was not saved; everything before it is)</source>
            <translation>تعذّرت القراءة من {path} أو الكتابة فيه ({detail}): افحص القرص وافتح المشروع مجددًا (لم يُحفظ إجراؤك الأخير؛ وحُفظ كل ما قبله)</translation>
        </message>
    </context>
    <context>
        <name>NameDialog</name>
        <message>
            <source>Who is annotating?</source>
            <translation>من يقوم بالتعليق؟</translation>
        </message>
        <message>
            <source>You annotate as {name}. Your spans from now on are recorded as:</source>
            <translation>أنت تعلّق باسم {name}. ستُسجَّل مقاطعك من الآن فصاعدًا باسم:</translation>
        </message>
        <message>
            <source>Your name is recorded on every span you make, and names your set of annotations:</source>
            <translation>يُسجَّل اسمك على كل مقطع تنشئه، ويُسمّي مجموعة تعليقاتك:</translation>
        </message>
    </context>
    <context>
        <name>PaneFocus</name>
        <message>
            <source>No span after this one</source>
            <translation>لا يوجد مقطع بعد هذا المقطع</translation>
        </message>
        <message>
            <source>No span before this one</source>
            <translation>لا يوجد مقطع قبل هذا المقطع</translation>
        </message>
        <message>
            <source>The text cursor is in no span</source>
            <translation>مؤشر النص ليس داخل أي مقطع</translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Stopping after the current batch…</source>
            <translation>جارٍ الإيقاف بعد الدفعة الحالية…</translation>
        </message>
    </context>
    <context>
        <name>ProjectSwitcher</name>
        <message>
            <source>{reason}.

Open it read-only?</source>
            <translation>{reason}.

هل تريد فتحه للقراءة فقط؟</translation>
        </message>
        <message>
            <source>Project in use</source>
            <translation>المشروع قيد الاستخدام</translation>
        </message>
        <message>
            <source>annotator projects (*{suffix})</source>
            <translation>مشاريع annotator (*{suffix})</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>كل الملفات (*)</translation>
        </message>
        <message>
            <source>New project</source>
            <translation>مشروع جديد</translation>
        </message>
        <message>
            <source>Open project</source>
            <translation>فتح مشروع</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>تعذّر فتح المشروع</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Marked by</source>
            <translation>حدّده</translation>
        </message>
        <message>
            <source>Agree</source>
            <translation>الاتفاق</translation>
        </message>
    </context>
    <context>
        <name>ReviewMode</name>
        <message>
            <source>Review needs a document open in a writable project (and no import running)</source>
            <translation>تتطلب المراجعة مستندًا مفتوحًا في مشروع قابل للكتابة (ودون استيراد جارٍ)</translation>
        </message>
        <message>
            <source>Reviewing into gold: Tab outlines a candidate, Enter accepts it, Esc or Delete rejects it, 1-9 take that annotator's version, Alt+Down the next disagreement</source>
            <translation>المراجعة إلى المجموعة الذهبية: Tab يُبرز مرشّحًا، وEnter يقبله، وEsc أو Delete يرفضه، و1-9 تأخذ نسخة ذلك المُعلِّق، وAlt+Down ينتقل إلى الخلاف التالي</translation>
        </message>
        <message>
            <source>Review left: annotating as {name}</source>
            <translation>تم الخروج من المراجعة: التعليق باسم {name}</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>المراجعة</translation>
        </message>
        <message numerus="yes">
            <source>%n agreed spans pre-accepted into gold (Ctrl+Z undoes it)</source>
            <translation>
                <numerusform>تم قبول %n مقطع متفق عليه مسبقًا في المجموعة الذهبية (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>تم قبول مقطع واحد متفق عليه مسبقًا في المجموعة الذهبية (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>تم قبول مقطعين متفق عليهما مسبقًا في المجموعة الذهبية (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>تم قبول %n مقاطع متفق عليها مسبقًا في المجموعة الذهبية (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>تم قبول %n مقطعًا متفقًا عليه مسبقًا في المجموعة الذهبية (Ctrl+Z يتراجع عن ذلك)</numerusform>
                <numerusform>تم قبول %n مقطع متفق عليه مسبقًا في المجموعة الذهبية (Ctrl+Z يتراجع عن ذلك)</numerusform>
            </translation>
        </message>
        <message>
            <source>No more disagreements this way</source>
            <translation>لا مزيد من الخلافات في هذا الاتجاه</translation>
        </message>
        <message>
            <source>No candidate is outlined: Tab outlines one, Enter accepts it</source>
            <translation>لا يوجد مرشّح مُبرَز: Tab يُبرز واحدًا، وEnter يقبله</translation>
        </message>
        <message>
            <source>No agreed candidate is open: decide each with Enter, Esc or 1-9</source>
            <translation>لا يوجد مرشّح متفق عليه دون قرار: قرّر في كل مرشّح باستخدام Enter أو Esc أو 1-9</translation>
        </message>
        <message numerus="yes">
            <source>«{text}» accepted into gold; %n overlapping candidates rejected</source>
            <translation>
                <numerusform>تم قبول «{text}» في المجموعة الذهبية؛ وتم رفض %n مرشّح متداخل</numerusform>
                <numerusform>تم قبول «{text}» في المجموعة الذهبية؛ وتم رفض مرشّح واحد متداخل</numerusform>
                <numerusform>تم قبول «{text}» في المجموعة الذهبية؛ وتم رفض مرشّحَين متداخلَين</numerusform>
                <numerusform>تم قبول «{text}» في المجموعة الذهبية؛ وتم رفض %n مرشّحات متداخلة</numerusform>
                <numerusform>تم قبول «{text}» في المجموعة الذهبية؛ وتم رفض %n مرشّحًا متداخلًا</numerusform>
                <numerusform>تم قبول «{text}» في المجموعة الذهبية؛ وتم رفض %n مرشّح متداخل</numerusform>
            </translation>
        </message>
        <message>
            <source>«{text}» accepted into gold</source>
            <translation>تم قبول «{text}» في المجموعة الذهبية</translation>
        </message>
        <message numerus="yes">
            <source>%n agreed candidates accepted into gold</source>
            <translation>
                <numerusform>تم قبول %n مرشّح متفق عليه في المجموعة الذهبية</numerusform>
                <numerusform>تم قبول مرشّح واحد متفق عليه في المجموعة الذهبية</numerusform>
                <numerusform>تم قبول مرشّحَين متفق عليهما في المجموعة الذهبية</numerusform>
                <numerusform>تم قبول %n مرشّحات متفق عليها في المجموعة الذهبية</numerusform>
                <numerusform>تم قبول %n مرشّحًا متفقًا عليه في المجموعة الذهبية</numerusform>
                <numerusform>تم قبول %n مرشّح متفق عليه في المجموعة الذهبية</numerusform>
            </translation>
        </message>
        <message>
            <source>No candidate is outlined: Tab outlines one, Esc or Delete rejects it</source>
            <translation>لا يوجد مرشّح مُبرَز: Tab يُبرز واحدًا، وEsc أو Delete يرفضه</translation>
        </message>
        <message>
            <source>«{text}» rejected</source>
            <translation>تم رفض «{text}»</translation>
        </message>
        <message>
            <source>No candidate is outlined: Tab outlines one, then 1-9 take that annotator's version</source>
            <translation>لا يوجد مرشّح مُبرَز: Tab يُبرز واحدًا، ثم 1-9 تأخذ نسخة ذلك المُعلِّق</translation>
        </message>
        <message numerus="yes">
            <source>This document has %n annotators</source>
            <translation>
                <numerusform>لهذا المستند %n مُعلِّق</numerusform>
                <numerusform>لهذا المستند مُعلِّق واحد</numerusform>
                <numerusform>لهذا المستند مُعلِّقان</numerusform>
                <numerusform>لهذا المستند %n مُعلِّقين</numerusform>
                <numerusform>لهذا المستند %n مُعلِّقًا</numerusform>
                <numerusform>لهذا المستند %n مُعلِّق</numerusform>
            </translation>
        </message>
        <message>
            <source>took {name}'s version: {taken} accepted, {rejected} rejected</source>
            <translation>تم أخذ نسخة {name}: المقبول: {taken}، المرفوض: {rejected}</translation>
        </message>
        <message>
            <source>took {name}'s version: nothing here ({rejected} rejected)</source>
            <translation>تم أخذ نسخة {name}: لا شيء هنا (المرفوض: {rejected})</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>Pre-accept agreed spans</source>
            <translation>القبول المسبق للمقاطع المتفق عليها</translation>
        </message>
        <message>
            <source>On opening a document without gold spans, put the spans every annotator marked alike into gold (one undoable action)</source>
            <translation>عند فتح مستند بلا مقاطع في المجموعة الذهبية، تُضاف المقاطع التي حددها كل المُعلِّقين بالشكل نفسه إلى المجموعة الذهبية (إجراء واحد يمكن التراجع عنه)</translation>
        </message>
        <message>
            <source>Accept into gold</source>
            <translation>قبول في المجموعة الذهبية</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>رفض</translation>
        </message>
        <message>
            <source>Leave review</source>
            <translation>الخروج من المراجعة</translation>
        </message>
        <message>
            <source>This document has no annotator's set to review.</source>
            <translation>لا توجد في هذا المستند مجموعة تعليقات لأي مُعلِّق لمراجعتها.</translation>
        </message>
        <message>
            <source>{candidates} candidates from {annotators} annotators: {agreed} agreed, {gold} in gold, {rejected} rejected, {open} open ({disputed} to decide, {conflicts} conflicts). Gold set: {status}.</source>
            <translation>المرشّحات: {candidates} (عدد المُعلِّقين: {annotators})؛ متفق عليها: {agreed}، في المجموعة الذهبية: {gold}، مرفوضة: {rejected}، دون قرار: {open} (للحسم: {disputed}، تعارضات: {conflicts}). المجموعة الذهبية: {status}.</translation>
        </message>
        <message>
            <source>{number} {name}</source>
            <translation>{number} {name}</translation>
        </message>
    </context>
    <context>
        <name>SchemaChooser</name>
        <message>
            <source>Schema of the new project</source>
            <translation>مخطط تسميات المشروع الجديد</translation>
        </message>
        <message>
            <source>Schema &amp;file…</source>
            <translation>&amp;ملف مخطط التسميات…</translation>
        </message>
        <message>
            <source>The labels and attributes the project starts with:</source>
            <translation>التسميات والسمات التي يبدأ بها المشروع:</translation>
        </message>
        <message>
            <source>{name} ({layers} layers, {labels} labels)</source>
            <translation>{name} (الطبقات: {layers}، التسميات: {labels})</translation>
        </message>
        <message>
            <source>Schema file</source>
            <translation>ملف مخطط التسميات</translation>
        </message>
        <message>
            <source>Schemas (*.toml);;All files (*)</source>
            <translation>مخططات التسميات (*.toml);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>This schema cannot be used:
{problem}</source>
            <translation>لا يمكن استخدام مخطط التسميات هذا:
{problem}</translation>
        </message>
    </context>
    <context>
        <name>SetChooser</name>
        <message>
            <source>Work as another annotator: the spans you make are recorded under that name</source>
            <translation>العمل باسم مُعلِّق آخر: تُسجَّل المقاطع التي تنشئها تحت ذلك الاسم</translation>
        </message>
        <message>
            <source>This file is the package of {name}: it is annotated as {name} only</source>
            <translation>هذا الملف هو حزمة {name}: لا يُعلَّق فيه إلا باسم {name}</translation>
        </message>
        <message>
            <source>Annotating as {name}; the undo history of {previous} was dropped</source>
            <translation>التعليق باسم {name}؛ حُذف سجل التراجع الخاص بالمُعلِّق {previous}</translation>
        </message>
        <message>
            <source>Annotating as {name}</source>
            <translation>التعليق باسم {name}</translation>
        </message>
        <message>
            <source>No document is open</source>
            <translation>لا يوجد مستند مفتوح</translation>
        </message>
        <message>
            <source>My set ({name})</source>
            <translation>مجموعتي ({name})</translation>
        </message>
        <message>
            <source>{set} · {status}</source>
            <translation>{set} · {status}</translation>
        </message>
        <message>
            <source>No other annotator has a set in this document</source>
            <translation>ليس لأي مُعلِّق آخر مجموعة في هذا المستند</translation>
        </message>
        <message>
            <source>Showing your own set</source>
            <translation>يتم عرض مجموعتك</translation>
        </message>
        <message>
            <source>Showing {name}'s set read-only: annotate as {name} to change it</source>
            <translation>عرض مجموعة {name} للقراءة فقط: علّق باسم {name} لتغييرها</translation>
        </message>
        <message>
            <source>This document has no set of {name}: showing your own set</source>
            <translation>ليس للمُعلِّق {name} مجموعة في هذا المستند: يتم عرض مجموعتك</translation>
        </message>
    </context>
    <context>
        <name>ShortcutEditor</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>الأمر</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>المفتاح</translation>
        </message>
        <message>
            <source>Alternative</source>
            <translation>البديل</translation>
        </message>
        <message>
            <source>{key} is already used by {owner}</source>
            <translation>{key} مستخدم بالفعل: {owner}</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>المفتاح</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>الإجراء</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsSheet</name>
        <message>
            <source>drag / Shift+arrows</source>
            <translation>سحب / Shift+الأسهم</translation>
        </message>
        <message>
            <source>select text; it snaps to whole words, a clitic (و ف ب ل ك ال) you leave out stays out</source>
            <translation>تحديد نص؛ يلتصق التحديد بالكلمات الكاملة، والسابقة المتصلة (و ف ب ل ك ال) التي تتركها خارجه تبقى خارجه</translation>
        </message>
        <message>
            <source>Alt+drag</source>
            <translation>Alt+سحب</translation>
        </message>
        <message>
            <source>select exact characters, no snapping</source>
            <translation>تحديد الأحرف بدقة، دون التصاق بالكلمات</translation>
        </message>
        <message>
            <source>double-click</source>
            <translation>نقر مزدوج</translation>
        </message>
        <message>
            <source>select a word</source>
            <translation>تحديد كلمة</translation>
        </message>
        <message>
            <source>click a span</source>
            <translation>النقر على مقطع</translation>
        </message>
        <message>
            <source>select it (click again: the span around it)</source>
            <translation>تحديده (نقرة أخرى: المقطع المحيط به)</translation>
        </message>
        <message>
            <source>delete the selected span</source>
            <translation>حذف المقطع المحدد</translation>
        </message>
        <message>
            <source>clear the selection</source>
            <translation>إلغاء التحديد</translation>
        </message>
        <message>
            <source>link the selected entity span to a canonical entity (Enter creates a new one)</source>
            <translation>ربط مقطع الكيان المحدد بكيان مرجعي (Enter ينشئ كيانًا جديدًا)</translation>
        </message>
        <message>
            <source>with suggestions shown: move between them</source>
            <translation>عند عرض الاقتراحات: التنقل بينها</translation>
        </message>
        <message>
            <source>accept the outlined suggestion</source>
            <translation>قبول الاقتراح المُبرَز</translation>
        </message>
        <message>
            <source>accept all suggestions</source>
            <translation>قبول كل الاقتراحات</translation>
        </message>
        <message>
            <source>reject the outlined suggestion (or all when none is outlined)</source>
            <translation>رفض الاقتراح المُبرَز (أو رفضها كلها إن لم يكن أيٌّ منها مُبرَزًا)</translation>
        </message>
        <message>
            <source>Delete (review)</source>
            <translation>Delete (المراجعة)</translation>
        </message>
        <message>
            <source>reject the outlined candidate (a selected gold span: delete it)</source>
            <translation>رفض المرشّح المُبرَز (مقطع محدد من المجموعة الذهبية: حذفه)</translation>
        </message>
        <message>
            <source>1-9 (review)</source>
            <translation>1-9 (المراجعة)</translation>
        </message>
        <message>
            <source>take that annotator's version of the outlined candidate's conflict</source>
            <translation>أخذ نسخة ذلك المُعلِّق في تعارض المرشّح المُبرَز</translation>
        </message>
        <message>
            <source>label the selection (or relabel the selected span) {label}</source>
            <translation>إعطاء التحديد التسمية {label} (أو تغيير تسمية المقطع المحدد إليها)</translation>
        </message>
    </context>
    <context>
        <name>SpanFilterBar</name>
        <message>
            <source>Show the spans of one label</source>
            <translation>عرض مقاطع تسمية واحدة</translation>
        </message>
        <message>
            <source>Filter spans (ignores diacritics)</source>
            <translation>تصفية المقاطع (تتجاهل التشكيل)</translation>
        </message>
        <message>
            <source>Show the spans of one annotator</source>
            <translation>عرض مقاطع مُعلِّق واحد</translation>
        </message>
        <message>
            <source>All labels</source>
            <translation>كل التسميات</translation>
        </message>
    </context>
    <context>
        <name>SpanTooltip</name>
        <message>
            <source>{label} «{text}»</source>
            <translation>{label} «{text}»</translation>
        </message>
        <message>
            <source>entity: {name} ({type})</source>
            <translation>الكيان: {name} ({type})</translation>
        </message>
        <message>
            <source>{attribute}: {value}</source>
            <translation>{attribute}: {value}</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>new</source>
            <translation>جديد</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <source>done</source>
            <translation>منجز</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>متجاوز</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Not saved: {reason}</source>
            <translation>لم يُحفظ: {reason}</translation>
        </message>
        <message>
            <source>Document {n} of {total} · {status}</source>
            <translation>المستند {n} من {total} · {status}</translation>
        </message>
        <message numerus="yes">
            <source>%n spans</source>
            <translation>
                <numerusform>%n مقطع</numerusform>
                <numerusform>مقطع واحد</numerusform>
                <numerusform>مقطعان</numerusform>
                <numerusform>%n مقاطع</numerusform>
                <numerusform>%n مقطعًا</numerusform>
                <numerusform>%n مقطع</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n documents</source>
            <translation>
                <numerusform>%n مستند</numerusform>
                <numerusform>مستند واحد</numerusform>
                <numerusform>مستندان</numerusform>
                <numerusform>%n مستندات</numerusform>
                <numerusform>%n مستندًا</numerusform>
                <numerusform>%n مستند</numerusform>
            </translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>للقراءة فقط</translation>
        </message>
        <message>
            <source>NOT SAVED</source>
            <translation>غير محفوظ</translation>
        </message>
        <message>
            <source>saved {time}</source>
            <translation>حُفظ في {time}</translation>
        </message>
        <message>
            <source>all changes saved</source>
            <translation>حُفظت كل التغييرات</translation>
        </message>
        <message>
            <source>Annotating as {name}</source>
            <translation>التعليق باسم {name}</translation>
        </message>
        <message>
            <source>Showing {name}'s set (read-only)</source>
            <translation>عرض مجموعة {name} (للقراءة فقط)</translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation>لا شيء للتراجع عنه</translation>
        </message>
        <message>
            <source>Nothing to redo</source>
            <translation>لا شيء لإعادته</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsController</name>
        <message numerus="yes">
            <source>%n suggestions: Tab outlines one, Enter accepts the outlined one, Shift+Enter or A accepts all, Esc rejects</source>
            <translation>
                <numerusform>%n اقتراح: Tab يُبرز واحدًا، وEnter يقبل المُبرَز، وShift+Enter أو A يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>اقتراح واحد: Tab يُبرز واحدًا، وEnter يقبل المُبرَز، وShift+Enter أو A يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>اقتراحان: Tab يُبرز واحدًا، وEnter يقبل المُبرَز، وShift+Enter أو A يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>%n اقتراحات: Tab يُبرز واحدًا، وEnter يقبل المُبرَز، وShift+Enter أو A يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>%n اقتراحًا: Tab يُبرز واحدًا، وEnter يقبل المُبرَز، وShift+Enter أو A يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>%n اقتراح: Tab يُبرز واحدًا، وEnter يقبل المُبرَز، وShift+Enter أو A يقبل الكل، وEsc يرفض</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more «{text}»: Enter accepts the outlined one, A accepts all, Esc rejects</source>
            <translation>
                <numerusform>«{text}» في %n موضع آخر: Enter يقبل المُبرَز، وA يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>«{text}» في موضع آخر: Enter يقبل المُبرَز، وA يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>«{text}» في موضعين آخرين: Enter يقبل المُبرَز، وA يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>«{text}» في %n مواضع أخرى: Enter يقبل المُبرَز، وA يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>«{text}» في %n موضعًا آخر: Enter يقبل المُبرَز، وA يقبل الكل، وEsc يرفض</numerusform>
                <numerusform>«{text}» في %n موضع آخر: Enter يقبل المُبرَز، وA يقبل الكل، وEsc يرفض</numerusform>
            </translation>
        </message>
        <message>
            <source>No suggestion is outlined: Tab (or a click) outlines one, then Enter accepts it; A accepts all</source>
            <translation>لا يوجد اقتراح مُبرَز: Tab (أو نقرة) يُبرز واحدًا، ثم Enter يقبله؛ وA يقبل الكل</translation>
        </message>
        <message numerus="yes">
            <source>accepted %n suggestions; {skipped} would overlap a span</source>
            <translation>
                <numerusform>تم قبول %n اقتراح؛ ولم يُقبل {skipped} لتداخلها مع مقطع</numerusform>
                <numerusform>تم قبول اقتراح واحد؛ ولم يُقبل {skipped} لتداخلها مع مقطع</numerusform>
                <numerusform>تم قبول اقتراحين؛ ولم يُقبل {skipped} لتداخلها مع مقطع</numerusform>
                <numerusform>تم قبول %n اقتراحات؛ ولم يُقبل {skipped} لتداخلها مع مقطع</numerusform>
                <numerusform>تم قبول %n اقتراحًا؛ ولم يُقبل {skipped} لتداخلها مع مقطع</numerusform>
                <numerusform>تم قبول %n اقتراح؛ ولم يُقبل {skipped} لتداخلها مع مقطع</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>accepted %n suggestions</source>
            <translation>
                <numerusform>تم قبول %n اقتراح</numerusform>
                <numerusform>تم قبول اقتراح واحد</numerusform>
                <numerusform>تم قبول اقتراحين</numerusform>
                <numerusform>تم قبول %n اقتراحات</numerusform>
                <numerusform>تم قبول %n اقتراحًا</numerusform>
                <numerusform>تم قبول %n اقتراح</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>rejected %n suggestions</source>
            <translation>
                <numerusform>تم رفض %n اقتراح</numerusform>
                <numerusform>تم رفض اقتراح واحد</numerusform>
                <numerusform>تم رفض اقتراحين</numerusform>
                <numerusform>تم رفض %n اقتراحات</numerusform>
                <numerusform>تم رفض %n اقتراحًا</numerusform>
                <numerusform>تم رفض %n اقتراح</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tables</name>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Mentions</source>
            <translation>الإشارات</translation>
        </message>
        <message>
            <source>Docs</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation>الأسماء البديلة</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Spans</source>
            <translation>المقاطع</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>البداية</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>التفاصيل</translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation>المُعلِّق</translation>
        </message>
    </context>
</TS>
