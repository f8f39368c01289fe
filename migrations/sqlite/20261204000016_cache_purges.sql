-- What shared caches must forget (issue 17). Every write that changes what readers are
-- shown queues, in its own transaction, the tags of the pages that show it; the server
-- sends them to the caches in front (CACHE_PURGE_URLS), and asks a cache that does not
-- answer again. A write path cannot forget to purge: the
-- triggers below are on the tables, whoever writes them (back office, scheduler, import).
--
-- The tags are those that pages name in their `xkey` header (content::cache):
--   site           every cached answer (menus, sections, tag names are on every page)
--   edition-{lang} every page and feed of an edition but a story's own page
--   story-{id}     a story's own page, in every language
--   sitemaps       the sitemaps
CREATE TABLE cache_purges (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tag TEXT NOT NULL
);

-- How far each cache has been purged (the last `seq` it confirmed): a cache that was
-- down gets what it missed, and rows every cache has are deleted.
CREATE TABLE cache_purge_targets (
    target TEXT PRIMARY KEY,
    done   INTEGER NOT NULL
) WITHOUT ROWID;

-- What shows a published story: its page and its editions' listings (nothing for a
-- story no reader sees).
CREATE VIEW published_story_tags (story_id, tag) AS
    SELECT story_id, 'story-' || story_id FROM story_translations WHERE status = 'published'
    UNION
    SELECT story_id, 'edition-' || lang FROM story_translations WHERE status = 'published';

-- A published version changes, appears or goes: its page, its edition's listings and
-- feeds, the sitemaps. Drafts and versions under review are nobody's business.
CREATE TRIGGER purge_published_version_added AFTER INSERT ON story_translations
WHEN NEW.status = 'published'
BEGIN
    INSERT INTO cache_purges (tag) VALUES
        ('story-' || NEW.story_id), ('edition-' || NEW.lang), ('sitemaps');
END;

CREATE TRIGGER purge_published_version_changed
AFTER UPDATE OF status, published_at, updated_at, cover_media_id, slug, title, summary,
    signature, source, body_html, section_id, kind, lang ON story_translations
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
    INSERT INTO cache_purges (tag) VALUES
        ('story-' || NEW.story_id), ('edition-' || NEW.lang), ('sitemaps');
    INSERT INTO cache_purges (tag) SELECT 'edition-' || OLD.lang WHERE OLD.lang <> NEW.lang;
END;

CREATE TRIGGER purge_published_version_removed AFTER DELETE ON story_translations
WHEN OLD.status = 'published'
BEGIN
    INSERT INTO cache_purges (tag) VALUES
        ('story-' || OLD.story_id), ('edition-' || OLD.lang), ('sitemaps');
END;

-- The front page's choice (`featured`) is the story's, not a version's. (A story's
-- kind and section are copied to its versions, which purge above.)
CREATE TRIGGER purge_featured_changed AFTER UPDATE OF featured ON stories
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.id;
END;

-- What a story shows besides its versions (its tags, a publication's, an episode's, an
-- interview's or a face's details, a face's stories): as above, when it is published.
CREATE TRIGGER purge_story_tags_insert AFTER INSERT ON story_tags
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_story_tags_update AFTER UPDATE ON story_tags
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_story_tags_delete AFTER DELETE ON story_tags
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_publications_insert AFTER INSERT ON publications
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_publications_update AFTER UPDATE ON publications
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_publications_delete AFTER DELETE ON publications
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_publication_translations_insert AFTER INSERT ON publication_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_publication_translations_update AFTER UPDATE ON publication_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_publication_translations_delete AFTER DELETE ON publication_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_episodes_insert AFTER INSERT ON episodes
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_episodes_update AFTER UPDATE ON episodes
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_episodes_delete AFTER DELETE ON episodes
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_episode_translations_insert AFTER INSERT ON episode_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_episode_translations_update AFTER UPDATE ON episode_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_episode_translations_delete AFTER DELETE ON episode_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_interviews_insert AFTER INSERT ON interviews
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_interviews_update AFTER UPDATE ON interviews
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_interviews_delete AFTER DELETE ON interviews
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_interview_translations_insert AFTER INSERT ON interview_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_interview_translations_update AFTER UPDATE ON interview_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_interview_translations_delete AFTER DELETE ON interview_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_profiles_insert AFTER INSERT ON profiles
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_profiles_update AFTER UPDATE ON profiles
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_profiles_delete AFTER DELETE ON profiles
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_profile_translations_insert AFTER INSERT ON profile_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_profile_translations_update AFTER UPDATE ON profile_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER purge_profile_translations_delete AFTER DELETE ON profile_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.story_id;
END;
CREATE TRIGGER purge_profile_stories_insert AFTER INSERT ON profile_stories
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.profile_id;
END;
CREATE TRIGGER purge_profile_stories_update AFTER UPDATE ON profile_stories
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = NEW.profile_id;
END;
CREATE TRIGGER purge_profile_stories_delete AFTER DELETE ON profile_stories
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id = OLD.profile_id;
END;

-- A picture's description (alt text, caption): the published stories it is the cover of.
CREATE TRIGGER purge_media_translations_insert AFTER INSERT ON media_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id IN
        (SELECT story_id FROM story_translations WHERE cover_media_id = NEW.media_id);
END;
CREATE TRIGGER purge_media_translations_update AFTER UPDATE ON media_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id IN
        (SELECT story_id FROM story_translations WHERE cover_media_id = NEW.media_id);
END;
CREATE TRIGGER purge_media_translations_delete AFTER DELETE ON media_translations
BEGIN
    INSERT INTO cache_purges (tag) SELECT tag FROM published_story_tags WHERE story_id IN
        (SELECT story_id FROM story_translations WHERE cover_media_id = OLD.media_id);
END;

-- The site's structure is on every page (menus, section names, a programme's name):
-- everything. New tags and their names are shown only once a story has them (above).
CREATE TRIGGER purge_sections_insert AFTER INSERT ON sections
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_sections_update AFTER UPDATE ON sections
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_sections_delete AFTER DELETE ON sections
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_section_translations_insert AFTER INSERT ON section_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_section_translations_update AFTER UPDATE ON section_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_section_translations_delete AFTER DELETE ON section_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_menu_items_insert AFTER INSERT ON menu_items
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_menu_items_update AFTER UPDATE ON menu_items
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_menu_items_delete AFTER DELETE ON menu_items
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_menu_item_labels_insert AFTER INSERT ON menu_item_labels
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_menu_item_labels_update AFTER UPDATE ON menu_item_labels
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_menu_item_labels_delete AFTER DELETE ON menu_item_labels
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_tags_delete AFTER DELETE ON tags
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_tag_translations_update AFTER UPDATE ON tag_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_tag_translations_delete AFTER DELETE ON tag_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_programmes_insert AFTER INSERT ON programmes
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_programmes_update AFTER UPDATE ON programmes
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_programmes_delete AFTER DELETE ON programmes
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_programme_translations_insert AFTER INSERT ON programme_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_programme_translations_update AFTER UPDATE ON programme_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;
CREATE TRIGGER purge_programme_translations_delete AFTER DELETE ON programme_translations
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('site');
END;

-- An issue of a list goes out: its edition's newsletter page lists it in the archive.
CREATE TRIGGER purge_mailing_sent AFTER UPDATE OF status ON mailings
WHEN OLD.status <> NEW.status AND (NEW.status IN ('sending', 'sent') OR OLD.status IN ('sending', 'sent'))
BEGIN
    INSERT INTO cache_purges (tag) VALUES ('edition-' || NEW.lang);
END;
