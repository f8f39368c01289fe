//! The privacy notice (law 09-08 on personal data, GDPR for readers in the European
//! Union) in the three editions. The keeping times quoted here are the ones
//! `data::retention` enforces.

use const_format::concatcp;
use content::site::CONTACT_EMAIL;

/// The notice: a title, an introduction and titled sections of paragraphs.
#[derive(Debug)]
pub struct PrivacyNotice {
    pub title: &'static str,
    pub intro: &'static str,
    pub sections: &'static [(&'static str, &'static [&'static str])],
    /// Labels of the two ready-made e-mails (access, deletion).
    pub ask_data: &'static str,
    pub ask_deletion: &'static str,
    /// Subjects of those e-mails.
    pub ask_data_subject: &'static str,
    pub ask_deletion_subject: &'static str,
    /// Where the right of access to public information is explained (law 31-13).
    pub information_right: &'static str,
}

/// French.
pub const FR: PrivacyNotice = PrivacyNotice {
    title: "Protection des données personnelles",
    intro: "Le Conseil de la communauté marocaine à l’étranger (CCME), Mahaj Ryad, Imm. 10, B.P. 21481, Hay Ryad, Rabat 10 000, Maroc, est responsable des données que vous lui confiez sur ce site. Elles sont traitées conformément à la loi n° 09-08 relative à la protection des personnes physiques à l’égard du traitement des données à caractère personnel et, pour les lecteurs résidant dans l’Union européenne, au règlement général sur la protection des données (RGPD).",
    sections: &[
        ("Quelles données, pour quoi faire", &[
            "Lettre d’information et revue de presse : votre adresse électronique, la langue et l’envoi choisis, pour vous adresser ces envois. Base : votre consentement, confirmé par le lien reçu par courriel ; nous enregistrons la date, le formulaire, la langue et la version du texte que vous avez accepté.",
            "Formulaire de contact : nom, adresse électronique, objet et message, pour traiter votre demande et vous répondre.",
            "Tribunes : nom, adresse électronique, pays de résidence, texte et fichier joint, pour examiner votre proposition et, si vous l’avez accepté, la publier avec votre nom et votre pays.",
            "Nous ne déposons aucun cookie publicitaire ni de mesure d’audience ; le seul cookie du site retient la langue de lecture. Vos données ne sont ni vendues ni cédées ; elles ne sont lues que par les services du Conseil et transitent par notre prestataire d’envoi de courriels.",
        ]),
        ("Combien de temps", &[
            "Messages et tribunes : deux ans, puis effacés avec leurs fichiers.",
            "Inscriptions non confirmées : 30 jours. Après un désabonnement, l’adresse et la trace du consentement sont gardées trois ans comme preuve, puis effacées.",
            "Courriels envoyés par le site : 30 jours dans notre file d’envoi.",
        ]),
        ("Vos droits", &[
            "Vous pouvez accéder à vos données, les faire rectifier, vous opposer à leur traitement pour un motif légitime et en demander l’effacement (articles 7 à 9 de la loi 09-08 ; articles 15 à 21 du RGPD). Vous pouvez retirer votre consentement à tout moment : chaque envoi contient un lien de désabonnement.",
            concatcp!("Écrivez à ", CONTACT_EMAIL, ", depuis l’adresse concernée : nous répondons dans un délai d’un mois. Vous pouvez aussi saisir la Commission nationale de contrôle de la protection des données à caractère personnel (CNDP), ou l’autorité de protection des données de votre pays de résidence dans l’Union européenne."),
        ]),
    ],
    ask_data: "Demander une copie de mes données",
    ask_deletion: "Demander l’effacement de mes données",
    ask_data_subject: "Demande d’accès à mes données personnelles",
    ask_deletion_subject: "Demande d’effacement de mes données personnelles",
    information_right: "Le droit d’accès à l’information (loi n° 31-13), qui permet à chacun d’obtenir des informations détenues par le Conseil, est un droit différent : voir la page « Droit d’accès à l’information ».",
};

/// Arabic.
pub const AR: PrivacyNotice = PrivacyNotice {
    title: "حماية المعطيات الشخصية",
    intro: "مجلس الجالية المغربية بالخارج، محج الرياض، عمارة 10، ص.ب 21481، حي الرياض، الرباط 10000، المغرب، مسؤول عن المعطيات التي تأتمنه عليها في هذا الموقع. وتعالج وفقا للقانون رقم 09.08 المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي، وبالنسبة للقراء المقيمين في الاتحاد الأوروبي وفقا للنظام العام لحماية البيانات.",
    sections: &[
        ("أي معطيات ولأي غرض", &[
            "النشرة الإخبارية وقراءة في الصحف: عنوان بريدك الإلكتروني واللغة والإرسالية المختارة، لإرسالها إليك. الأساس: موافقتك المؤكدة بالرابط الذي يصلك عبر البريد؛ ونسجل تاريخها والنموذج واللغة وصيغة النص الذي وافقت عليه.",
            "نموذج الاتصال: الاسم والبريد الإلكتروني والموضوع والرسالة، لمعالجة طلبك والرد عليك.",
            "مقالات الرأي: الاسم والبريد الإلكتروني وبلد الإقامة والنص والملف المرفق، لدراسة مقترحك ونشره إن وافقت على ذلك مع اسمك وبلدك.",
            "لا نضع أي ملف تعريف ارتباط إشهاري أو لقياس الجمهور؛ الملف الوحيد للموقع يحفظ لغة القراءة. لا تباع معطياتك ولا تفوت؛ لا يطلع عليها إلا مصالح المجلس وتمر عبر مزود خدمة إرسال البريد.",
        ]),
        ("مدة الحفظ", &[
            "الرسائل ومقالات الرأي: سنتان، ثم تحذف مع ملفاتها.",
            "الاشتراكات غير المؤكدة: 30 يوما. بعد إلغاء الاشتراك، يحفظ العنوان وأثر الموافقة ثلاث سنوات كدليل ثم يحذفان.",
            "الرسائل التي يبعثها الموقع: 30 يوما في قائمة الإرسال.",
        ]),
        ("حقوقك", &[
            "يمكنك الولوج إلى معطياتك وتصحيحها والتعرض على معالجتها لسبب مشروع وطلب حذفها (المواد 7 إلى 9 من القانون 09.08؛ المواد 15 إلى 21 من النظام العام لحماية البيانات). ويمكنك سحب موافقتك في أي وقت: في كل رسالة رابط لإلغاء الاشتراك.",
            concatcp!("راسلنا على ", CONTACT_EMAIL, " من العنوان المعني، ونجيبك في غضون شهر. ويمكنك أيضا اللجوء إلى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي، أو إلى سلطة حماية البيانات في بلد إقامتك بالاتحاد الأوروبي."),
        ]),
    ],
    ask_data: "طلب نسخة من معطياتي",
    ask_deletion: "طلب حذف معطياتي",
    ask_data_subject: "طلب الولوج إلى معطياتي الشخصية",
    ask_deletion_subject: "طلب حذف معطياتي الشخصية",
    information_right: "الحق في الحصول على المعلومات (القانون رقم 31.13)، الذي يتيح لكل شخص الحصول على المعلومات التي يتوفر عليها المجلس، حق مختلف: انظر صفحة «الحق في الحصول على المعلومات».",
};

/// English.
pub const EN: PrivacyNotice = PrivacyNotice {
    title: "Personal data protection",
    intro: "The Council of the Moroccan Community Abroad (CCME), Mahaj Ryad, Bldg. 10, P.O. Box 21481, Hay Ryad, Rabat 10 000, Morocco, is responsible for the data you entrust to it on this site. It is processed under Law No. 09-08 on the protection of individuals with regard to the processing of personal data and, for readers living in the European Union, the General Data Protection Regulation (GDPR).",
    sections: &[
        ("What data, and why", &[
            "Newsletter and press review: your email address and the language and mailing you chose, to send you those mailings. Basis: your consent, confirmed through the link you receive by email; we record its date, the form, the language and the version of the text you agreed to.",
            "Contact form: name, email address, subject and message, to handle your request and answer you.",
            "Op-eds: name, email address, country of residence, text and attachment, to review your submission and, if you agreed, publish it with your name and country.",
            "We set no advertising or audience-measurement cookies; the site’s only cookie remembers your reading language. Your data is neither sold nor passed on; only the Council’s staff read it, and it travels through our email delivery provider.",
        ]),
        ("How long", &[
            "Messages and op-eds: two years, then deleted with their files.",
            "Unconfirmed subscriptions: 30 days. After you unsubscribe, the address and the record of consent are kept for three years as proof, then deleted.",
            "Emails sent by the site: 30 days in our sending queue.",
        ]),
        ("Your rights", &[
            "You may access your data, have it corrected, object to its processing on legitimate grounds and ask for its deletion (articles 7 to 9 of Law 09-08; articles 15 to 21 of the GDPR). You may withdraw your consent at any time: every mailing has an unsubscribe link.",
            concatcp!("Write to ", CONTACT_EMAIL, " from the address concerned: we answer within one month. You may also complain to Morocco’s National Commission for the Control of Personal Data Protection (CNDP), or to the data protection authority of your country of residence in the European Union."),
        ]),
    ],
    ask_data: "Ask for a copy of my data",
    ask_deletion: "Ask for my data to be deleted",
    ask_data_subject: "Request for access to my personal data",
    ask_deletion_subject: "Request for deletion of my personal data",
    information_right: "The right of access to information (Law No. 31-13), which lets anyone obtain information held by the Council, is a different right: see the page “Right of access to information”.",
};
