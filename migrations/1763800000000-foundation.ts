import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: identity, organisations, the audit log, the outbox and the strategy catalogue.
 * Reviewed by hand: besides what the entities declare, the audit log is made append-only by
 * triggers and the catalogue gets a full-text index the ORM cannot express.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE audit_log (seq bigint NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, actor_user_id uuid, actor_roles text array NOT NULL, action text NOT NULL, object_type text NOT NULL, object_id text NOT NULL, before jsonb, after jsonb, correlation_id text NOT NULL, prev_hash character(64) NOT NULL, hash character(64) NOT NULL, CONSTRAINT audit_log_pkey PRIMARY KEY (seq))`,
    );
    await q.query(`CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at) `);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id) `);
    await q.query(`CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id) `);
    await q.query(
      `CREATE TABLE app_user (id uuid NOT NULL, email text NOT NULL, display_name text NOT NULL, password_hash text NOT NULL, roles text array NOT NULL, language text NOT NULL DEFAULT 'cs', is_active boolean NOT NULL DEFAULT true, created_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT app_user_roles_known CHECK (roles <@ ARRAY['applicant','staff','commission_member','auditor','admin']::text[]), CONSTRAINT app_user_email_lowercase CHECK (email = lower(email)), CONSTRAINT app_user_pkey PRIMARY KEY (id))`,
    );
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email) `);
    await q.query(
      `CREATE TABLE user_session (id uuid NOT NULL, user_id uuid NOT NULL, refresh_hash character(64) NOT NULL, previous_refresh_hash character(64), created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL, revoked_at TIMESTAMP WITH TIME ZONE, user_agent text, CONSTRAINT user_session_pkey PRIMARY KEY (id))`,
    );
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id) `);
    await q.query(
      `CREATE TABLE password_reset (id uuid NOT NULL, user_id uuid NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL, used_at TIMESTAMP WITH TIME ZONE, CONSTRAINT password_reset_pkey PRIMARY KEY (id))`,
    );
    await q.query(`CREATE INDEX password_reset_user_idx ON password_reset (user_id) `);
    await q.query(
      `CREATE TABLE organisation (id uuid NOT NULL, type text NOT NULL, legal_form text, name text NOT NULL, ico character(8) NOT NULL, seat_street text NOT NULL, seat_city text NOT NULL, seat_postal_code text NOT NULL, bank_account text, data_box_id text, created_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL, version integer NOT NULL, CONSTRAINT organisation_ngo_has_legal_form CHECK ((type = 'ngo') = (legal_form IS NOT NULL)), CONSTRAINT organisation_type_known CHECK (type IN ('city_district','ngo','other')), CONSTRAINT organisation_ico_format CHECK (ico ~ '^[0-9]{8}$'), CONSTRAINT organisation_pkey PRIMARY KEY (id))`,
    );
    await q.query(`CREATE UNIQUE INDEX organisation_ico_key ON organisation (ico) `);
    await q.query(
      `CREATE TABLE organisation_member (organisation_id uuid NOT NULL, user_id uuid NOT NULL, role text NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT organisation_member_role_known CHECK (role IN ('owner','member')), CONSTRAINT organisation_member_pkey PRIMARY KEY (organisation_id, user_id))`,
    );
    await q.query(`CREATE INDEX organisation_member_user_idx ON organisation_member (user_id) `);
    await q.query(
      `CREATE TABLE outbox_event (id uuid NOT NULL, type text NOT NULL, aggregate_type text NOT NULL, aggregate_id text NOT NULL, payload jsonb NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, available_at TIMESTAMP WITH TIME ZONE NOT NULL, relayed_at TIMESTAMP WITH TIME ZONE, actor_user_id uuid, correlation_id text NOT NULL, CONSTRAINT outbox_event_pkey PRIMARY KEY (id))`,
    );
    await q.query(`CREATE INDEX outbox_event_pending_idx ON outbox_event (available_at) WHERE relayed_at IS NULL`);
    await q.query(
      `CREATE TABLE strategy_version (id uuid NOT NULL, kind text NOT NULL, title text NOT NULL, year integer, period_from integer NOT NULL, period_to integer NOT NULL, source_sha256 character(64) NOT NULL, source_name text NOT NULL, imported_at TIMESTAMP WITH TIME ZONE NOT NULL, counts jsonb NOT NULL, unplaced jsonb NOT NULL, CONSTRAINT strategy_version_kind_known CHECK (kind IN ('koncepce','action-plan')), CONSTRAINT strategy_version_pkey PRIMARY KEY (id))`,
    );
    await q.query(`CREATE UNIQUE INDEX strategy_version_source_key ON strategy_version (source_sha256) `);
    await q.query(
      `CREATE TABLE strategy_node (id uuid NOT NULL, version_id uuid NOT NULL, parent_id uuid, level text NOT NULL, code text NOT NULL, source_code text, name text NOT NULL, position integer NOT NULL, source_line integer NOT NULL, descriptors text array NOT NULL DEFAULT '{}', activity jsonb, estimated_costs_czk numeric(14,2), funded_by_grant_programme boolean NOT NULL DEFAULT false, search_text text NOT NULL, CONSTRAINT strategy_node_costs_not_negative CHECK (estimated_costs_czk IS NULL OR estimated_costs_czk >= 0), CONSTRAINT strategy_node_level_known CHECK (level IN ('priority','area','subgoal','measure','activity')), CONSTRAINT strategy_node_pkey PRIMARY KEY (id))`,
    );
    await q.query(`CREATE INDEX strategy_node_parent_idx ON strategy_node (parent_id) `);
    await q.query(`CREATE UNIQUE INDEX strategy_node_code_key ON strategy_node (version_id, level, code) `);
    await q.query(`ALTER TABLE user_session ADD CONSTRAINT user_session_user_fk FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE password_reset ADD CONSTRAINT password_reset_user_fk FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(
      `ALTER TABLE organisation_member ADD CONSTRAINT organisation_member_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation(id) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE organisation_member ADD CONSTRAINT organisation_member_user_fk FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE strategy_node ADD CONSTRAINT strategy_node_version_fk FOREIGN KEY (version_id) REFERENCES strategy_version(id) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE strategy_node ADD CONSTRAINT strategy_node_parent_fk FOREIGN KEY (parent_id) REFERENCES strategy_node(id) ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // The audit log is append-only: no role, not even the table owner, may change or remove an entry.
    await q.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);

    // Prefix full-text search over diacritics-free text (see libs/strategy/src/text-search.ts).
    await q.query(`CREATE INDEX strategy_node_search_idx ON strategy_node USING gin (to_tsvector('simple', search_text))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['strategy_node', 'strategy_version', 'outbox_event', 'organisation_member', 'organisation', 'password_reset', 'user_session', 'app_user', 'audit_log']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_log_refuse_change()`);
  }
}
