//! Text of the back office (log-in, dashboard) in the three languages.

/// Labels of the back office.
#[derive(Debug)]
pub struct AdminStrings {
    pub title: &'static str,
    pub log_in_title: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub log_in: &'static str,
    /// `?error=refused|locked|limited`.
    pub refused: &'static str,
    pub locked: &'static str,
    pub limited: &'static str,
    /// `?done=out|everywhere`.
    pub logged_out: &'static str,
    pub logged_out_everywhere: &'static str,
    pub already_in: &'static str,
    pub go_to_dashboard: &'static str,
    /// `{name}`.
    pub welcome: &'static str,
    pub your_role: &'static str,
    /// author, editor, admin — in this order.
    pub roles: [&'static str; 3],
    /// What each role may do, same order.
    pub role_can: [&'static str; 3],
    pub sessions_open: &'static str,
    pub recent_activity: &'static str,
    pub accounts: &'static str,
    pub locked_account: &'static str,
    pub log_out: &'static str,
    pub log_out_everywhere: &'static str,
    pub view_site: &'static str,
    pub not_allowed: &'static str,
}

/// French.
pub const FR: AdminStrings = AdminStrings {
    title: "Espace de rédaction",
    log_in_title: "Connexion à l’espace de rédaction",
    email: "Adresse électronique",
    password: "Mot de passe",
    log_in: "Se connecter",
    refused: "Adresse ou mot de passe incorrect.",
    locked: "Trop d’essais manqués : ce compte est bloqué pendant 15 minutes.",
    limited: "Trop d’essais depuis cette connexion : réessayez dans une minute.",
    logged_out: "Vous êtes déconnecté.",
    logged_out_everywhere: "Toutes vos sessions sont fermées, sur tous vos appareils.",
    already_in: "Vous êtes connecté.",
    go_to_dashboard: "Aller au tableau de bord",
    welcome: "Bonjour, {name}",
    your_role: "Votre rôle",
    roles: ["Auteur", "Éditeur", "Administrateur"],
    role_can: [
        "Vous écrivez et traduisez des contenus et les soumettez à la relecture.",
        "Vous écrivez, relisez, programmez, publiez et dépubliez, et traitez les messages des lecteurs.",
        "Vous faites tout ce que fait un éditeur, et gérez les comptes, les menus et les rubriques.",
    ],
    sessions_open: "Sessions ouvertes",
    recent_activity: "Votre activité récente",
    accounts: "Comptes",
    locked_account: "bloqué",
    log_out: "Se déconnecter",
    log_out_everywhere: "Se déconnecter partout",
    view_site: "Voir le site",
    not_allowed: "Votre rôle ne permet pas d’accéder à cette page.",
};

/// Arabic.
pub const AR: AdminStrings = AdminStrings {
    title: "فضاء التحرير",
    log_in_title: "الدخول إلى فضاء التحرير",
    email: "البريد الإلكتروني",
    password: "كلمة المرور",
    log_in: "دخول",
    refused: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
    locked: "محاولات فاشلة كثيرة: هذا الحساب مقفل لمدة 15 دقيقة.",
    limited: "محاولات كثيرة من هذا الاتصال: أعد المحاولة بعد دقيقة.",
    logged_out: "لقد خرجت من حسابك.",
    logged_out_everywhere: "أُغلقت كل جلساتك على كل أجهزتك.",
    already_in: "أنت متصل.",
    go_to_dashboard: "الذهاب إلى لوحة التحكم",
    welcome: "مرحبا، {name}",
    your_role: "دورك",
    roles: ["كاتب", "محرر", "مدير"],
    role_can: [
        "تكتب المحتويات وتترجمها وتعرضها للمراجعة.",
        "تكتب وتراجع وتبرمج النشر وتنشر وتسحب المحتويات، وتعالج رسائل القراء.",
        "تقوم بكل ما يقوم به المحرر، وتدير الحسابات والقوائم والأقسام.",
    ],
    sessions_open: "الجلسات المفتوحة",
    recent_activity: "نشاطك الأخير",
    accounts: "الحسابات",
    locked_account: "مقفل",
    log_out: "خروج",
    log_out_everywhere: "الخروج من كل الأجهزة",
    view_site: "زيارة الموقع",
    not_allowed: "دورك لا يسمح بالوصول إلى هذه الصفحة.",
};

/// English.
pub const EN: AdminStrings = AdminStrings {
    title: "Newsroom",
    log_in_title: "Log in to the newsroom",
    email: "E-mail address",
    password: "Password",
    log_in: "Log in",
    refused: "Wrong e-mail address or password.",
    locked: "Too many failed attempts: this account is locked for 15 minutes.",
    limited: "Too many attempts from this connection: try again in a minute.",
    logged_out: "You are logged out.",
    logged_out_everywhere: "All your sessions are closed, on every device.",
    already_in: "You are logged in.",
    go_to_dashboard: "Go to the dashboard",
    welcome: "Hello, {name}",
    your_role: "Your role",
    roles: ["Author", "Editor", "Administrator"],
    role_can: [
        "You write and translate content and submit it for review.",
        "You write, review, schedule, publish and unpublish, and handle readers’ messages.",
        "You do everything an editor does, and manage accounts, menus and sections.",
    ],
    sessions_open: "Open sessions",
    recent_activity: "Your recent activity",
    accounts: "Accounts",
    locked_account: "locked",
    log_out: "Log out",
    log_out_everywhere: "Log out everywhere",
    view_site: "View the site",
    not_allowed: "Your role does not give access to this page.",
};
