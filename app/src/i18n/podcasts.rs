//! Text of the podcasts pages and of the audio player in the three editions.

use super::Plural;

/// Labels of the podcasts pages and the player.
#[derive(Debug)]
pub struct PodcastStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub programmes: &'static str,
    pub latest: &'static str,
    /// `{count}` episodes.
    pub episodes: Plural,
    /// Episode `{number}`.
    pub episode: &'static str,
    pub speakers: &'static str,
    pub strand: &'static str,
    pub duration: &'static str,
    pub transcript: &'static str,
    pub listen: &'static str,
    pub download: &'static str,
    pub subscribe_feed: &'static str,
    pub player: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub seek: &'static str,
    pub speed: &'static str,
    pub back_15: &'static str,
    pub forward_15: &'static str,
    pub close_player: &'static str,
    pub now_playing: &'static str,
}

/// French.
pub const FR: PodcastStrings = PodcastStrings {
    title: "Podcasts",
    intro: "Les rencontres, débats et hommages du Conseil, à écouter en ligne ou dans votre application de podcasts.",
    programmes: "Programmes",
    latest: "Derniers épisodes",
    episodes: Plural::latin("{count} épisode", "{count} épisodes"),
    episode: "Épisode {number}",
    speakers: "Intervenants",
    strand: "Axe",
    duration: "Durée",
    transcript: "Résumé et transcription",
    listen: "Écouter",
    download: "Télécharger l’audio",
    subscribe_feed: "S’abonner au podcast (RSS)",
    player: "Lecteur audio",
    play: "Lecture",
    pause: "Pause",
    seek: "Position dans l’épisode",
    speed: "Vitesse",
    back_15: "Reculer de 15 secondes",
    forward_15: "Avancer de 15 secondes",
    close_player: "Fermer le lecteur",
    now_playing: "En cours d’écoute",
};

/// Arabic.
pub const AR: PodcastStrings = PodcastStrings {
    title: "بودكاست",
    intro: "لقاءات المجلس ونقاشاته وتكريماته، للاستماع على الموقع أو في تطبيق البودكاست.",
    programmes: "البرامج",
    latest: "أحدث الحلقات",
    episodes: Plural {
        one: "حلقة واحدة",
        two: "حلقتان",
        few: "{count} حلقات",
        many: "{count} حلقة",
        other: "{count} حلقة",
    },
    episode: "الحلقة {number}",
    speakers: "المتدخلون",
    strand: "المحور",
    duration: "المدة",
    transcript: "ملخص ونص الحلقة",
    listen: "استمع",
    download: "تحميل الملف الصوتي",
    subscribe_feed: "الاشتراك في البودكاست (RSS)",
    player: "مشغل الصوت",
    play: "تشغيل",
    pause: "إيقاف مؤقت",
    seek: "الموضع في الحلقة",
    speed: "السرعة",
    back_15: "الرجوع 15 ثانية",
    forward_15: "التقدم 15 ثانية",
    close_player: "إغلاق المشغل",
    now_playing: "قيد الاستماع",
};

/// English.
pub const EN: PodcastStrings = PodcastStrings {
    title: "Podcasts",
    intro: "The Council’s encounters, debates and tributes, to listen to online or in your podcast app.",
    programmes: "Programmes",
    latest: "Latest episodes",
    episodes: Plural::latin("{count} episode", "{count} episodes"),
    episode: "Episode {number}",
    speakers: "Speakers",
    strand: "Strand",
    duration: "Duration",
    transcript: "Summary and transcript",
    listen: "Listen",
    download: "Download the audio",
    subscribe_feed: "Subscribe to the podcast (RSS)",
    player: "Audio player",
    play: "Play",
    pause: "Pause",
    seek: "Position in the episode",
    speed: "Speed",
    back_15: "Back 15 seconds",
    forward_15: "Forward 15 seconds",
    close_player: "Close the player",
    now_playing: "Now playing",
};
