"""The team server's security as schema 5 built it (frozen from pmdesk 0.x, holes and
all), so that a test can create an old server, let pmdesk migrate it, then attack it."""

from __future__ import annotations

THROUGH_PARENT = {
    "agenda_item": ("meeting_id", "meeting"),
    "attendee": ("meeting_id", "meeting"),
    "purpose": ("meeting_id", "meeting"),
    "checklist_item": ("meeting_id", "meeting"),
    "change_record": ("meeting_id", "meeting"),
    "note": ("meeting_id", "meeting"),
    "minutes_distribution": ("meeting_id", "meeting"),
    "purpose_note": ("purpose_id", "purpose"),
    "assessment": ("person_id", "person"),
    "leader_priority": ("person_id", "person"),
    "leader_priority_note": ("priority_id", "leader_priority"),
    "escalation_memo": ("person_id", "person"),
    "coaching_session": ("person_id", "person"),
}

MEMBER_TABLE = (
    "CREATE TABLE project_member ("
    " project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
    " role_name name NOT NULL, added_by name NOT NULL DEFAULT current_user,"
    " added_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),"
    " PRIMARY KEY (project_id, role_name))"
)

FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION pmdesk_projects_of(who name) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT project_id FROM project_member WHERE role_name = who
        UNION SELECT id FROM project WHERE row_created_by = who
    $$""",
    """CREATE OR REPLACE FUNCTION pmdesk_row_stamp() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.row_version := 1;
            NEW.row_created_by := current_user;
        ELSE
            NEW.row_version := OLD.row_version + 1;
            NEW.row_created_by := OLD.row_created_by;
        END IF;
        NEW.row_changed_by := current_user;
        NEW.row_changed_at := now() AT TIME ZONE 'utc';
        RETURN NEW;
    END $$""",
    """CREATE OR REPLACE FUNCTION pmdesk_notify() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('pmdesk_changes', pg_backend_pid() || ' ' || TG_TABLE_NAME);
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION pmdesk_attachment_cleanup() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        IF OLD.attachment_id IS NOT NULL THEN
            DELETE FROM attachment WHERE id = OLD.attachment_id
            AND NOT EXISTS (SELECT 1 FROM material WHERE attachment_id = OLD.attachment_id);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION pmdesk_members(pid integer)
    RETURNS TABLE (role_name name, added_by name, added_at timestamp)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT m.role_name, m.added_by, m.added_at FROM project_member m
        WHERE m.project_id = pid AND pid IN (SELECT pmdesk_projects_of(session_user))
        ORDER BY m.role_name
    $$""",
)


def access_statements(tables: list[str]) -> list[str]:
    mine = "(SELECT pmdesk_projects_of(current_user))"
    out = [
        *FUNCTIONS,
        "ALTER TABLE project_member ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY member_access ON project_member USING (project_id IN {mine})",
    ]
    for table in tables:
        if table == "project":
            rule = f"row_created_by = current_user OR id IN {mine}"
        elif table == "attachment":
            rule = "row_created_by = current_user OR id IN (SELECT attachment_id FROM material)"
        elif table == "draft":
            rule = f"row_created_by = current_user AND (project_id IS NULL OR project_id IN {mine})"
        elif table in THROUGH_PARENT:
            column, parent = THROUGH_PARENT[table]
            rule = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column})"
        else:
            rule = f"project_id IN {mine}"
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY project_access ON {table} USING ({rule}) WITH CHECK ({rule})",
            f"CREATE TRIGGER {table}_row_stamp BEFORE INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION pmdesk_row_stamp()",
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION pmdesk_notify()",
        ]
    out += [
        "CREATE TRIGGER material_attachment_cleanup AFTER DELETE ON material "
        "FOR EACH ROW EXECUTE FUNCTION pmdesk_attachment_cleanup()",
        """DO $$ BEGIN
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public
                TO pmdesk_member;
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pmdesk_member;
            GRANT SELECT ON pmdesk_schema TO pmdesk_member;
            REVOKE INSERT, UPDATE, DELETE ON pmdesk_schema FROM pmdesk_member;
        END $$""",
    ]
    return out


def create(db: object, tables: list[str]) -> None:
    """Schema 5 on the server, as pmdesk 0.x created it (the models' tables unchanged)."""
    from pmdesk.models import ALL_MODELS

    with db.bind_ctx(ALL_MODELS):  # type: ignore[attr-defined]
        db.create_tables(ALL_MODELS, safe=False)  # type: ignore[attr-defined]
    db.execute_sql(  # type: ignore[attr-defined]
        "CREATE TABLE pmdesk_schema (version integer NOT NULL, application text NOT NULL)"
    )
    db.execute_sql("INSERT INTO pmdesk_schema VALUES (5, 'pmdesk')")  # type: ignore[attr-defined]
    db.execute_sql(MEMBER_TABLE)  # type: ignore[attr-defined]
    for statement in access_statements(tables):
        db.execute_sql(statement)  # type: ignore[attr-defined]
