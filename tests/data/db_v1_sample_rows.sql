-- A realistic pmdesk file as version 1 wrote it: one row or more in every table.
-- Loaded on top of schema_v1.sql by tests/core/test_db.py (migration keeps every row).
PRAGMA foreign_keys = ON;

INSERT INTO project (id, name, client_org, code, start_date, end_date, status, description, document_language, created_at) VALUES
  (1, '华东电网数字化转型咨询', '华东电网有限公司', 'ECG-2025-01', '2025-03-03', '2025-09-30', 'active', '现状诊断、蓝图设计与实施路线图。
Scope agreed in the SOW of 2025-02-20.', 'zh_CN', '2025-02-24 09:15:00'),
  (2, 'Ops review for Nordwind AG', 'Nordwind AG', '', NULL, NULL, 'planned', 'Client''s "quick win" review', 'en', '2025-04-01 14:00:00');

INSERT INTO scope_item (id, project_id, text, in_scope, position) VALUES
  (1, 1, '总部及三个地市公司的业务流程诊断', 1, 0),
  (2, 1, 'IT 系统选型不在本期范围内', 0, 1);

INSERT INTO outcome (id, project_id, title, description, position) VALUES
  (1, 1, '数字化转型蓝图', '含业务架构与数据架构', 0),
  (2, 1, 'Implementation roadmap', '', 1);

INSERT INTO person (id, project_id, name, side, role, org_unit, title, email, phone, engagement_current, engagement_desired, influence, interest, cooperation_type, causes, strategy, next_action) VALUES
  (1, 1, '王建国', 'client', 'client_lead', '信息中心', '主任', 'wang.jg@ecg.example.cn', '+86 138 0000 0001', 'neutral', 'supportive', 5, 4, 'passive', '担心增加部门工作量', '先单独沟通，强调减负', '周三前约一对一'),
  (2, 1, '李娜', 'client', 'cooperating_staff', '信息中心', '工程师', '', '', NULL, NULL, 2, 3, 'unclassified', '', '', ''),
  (3, 1, 'Alice Chen', 'consultant', 'consultant_pm', 'Consulting', 'Engagement manager', 'alice@firm.example', '', NULL, NULL, 3, 3, 'unclassified', '', '', ''),
  (4, 2, 'Jonas Weber', 'client', 'client_leader', 'Operations', 'COO', 'j.weber@nordwind.example', '', 'supportive', 'leading', 4, 5, 'active', '', '', '');

INSERT INTO meeting (id, project_id, kind, title, starts_at, ends_at, venue, status) VALUES
  (1, 1, 'kickoff', '项目启动会', '2025-03-05 09:30:00', '2025-03-05 11:30:00', '总部 12 楼第一会议室', 'minutes_sent'),
  (2, 1, 'progress_review', '第一次周例会', '2025-03-12 14:00:00', NULL, '', 'planned'),
  (3, 2, 'one_on_one', 'Intro call', NULL, NULL, 'Teams', 'confirmed');

INSERT INTO agenda_item (id, meeting_id, position, title, presenter_id, minutes_allotted) VALUES
  (1, 1, 0, '项目背景与目标', 1, 15),
  (2, 1, 1, 'Approach and plan', 3, 30),
  (3, 2, 0, '本周进展', NULL, 0);

INSERT INTO attendee (id, meeting_id, person_id, responsibility, rsvp, position) VALUES
  (1, 1, 1, '开场致辞', 'attended', 0),
  (2, 1, 2, '', 'apologies', 1),
  (3, 1, 3, 'Present approach', 'attended', 2),
  (4, 3, 4, '', 'invited', 0);

INSERT INTO purpose (id, meeting_id, purpose, state, evidence) VALUES
  (1, 1, 'know_project', 'met', '王主任确认了范围'),
  (2, 1, 'valued_outcomes', 'partly', '');

INSERT INTO attachment (id, file_name, size, sha256, data) VALUES
  (1, '启动会材料 v2.pdf', 31, 'a0a49bfc592fd53260847effcc88d7985cb8730f25c457cb7b0099ae13e27124', X'255044462d312e340a25206b69636b6f6666206465636b2076320a000102ff'),
  (2, 'tracker.xlsx', 17, '325ee01a94b555e84895e0b67fd6bf8d41960b6191ed75667d8e8948c792eaad', X'504b030420747261636b65722e786c7378');

INSERT INTO material (id, project_id, meeting_id, title, kind, attachment_id, version, sent_on, client_feedback, status) VALUES
  (1, 1, 1, '启动会汇报材料', 'presentation', 1, 'v2', '2025-03-04', '请补充时间计划', 'feedback_received'),
  (2, 1, NULL, 'Action tracker', 'document', 2, '', NULL, '', 'draft');

INSERT INTO checklist_item (id, meeting_id, phase, position, text, due_offset_minutes, due_at, done_at) VALUES
  (1, 1, 'before', 0, '提前一天确认会议室和投影', -1440, NULL, '2025-03-04 10:02:00'),
  (2, 1, 'after', 1, 'Send minutes within 24 h', NULL, '2025-03-06 11:30:00', NULL);

INSERT INTO change_record (id, meeting_id, changed_at, field, description, confirmed_by_id) VALUES
  (1, 1, '2025-03-05 09:10:00', 'venue', '改到 15 楼大会议室', 1);

INSERT INTO note (id, meeting_id, offset_seconds, speaker_id, kind, text, internal, agenda_item_id, created_at) VALUES
  (1, 1, 420, 1, 'valued_outcome', '领导最看重的是路线图能落地', 0, 1, '2025-03-05 09:37:00'),
  (2, 1, 1800, 2, 'concern', '数据口径不统一', 1, 2, '2025-03-05 10:00:00'),
  (3, 1, 3000, NULL, 'decision', 'Weekly review every Wednesday 14:00', 0, NULL, '2025-03-05 10:20:00');

INSERT INTO purpose_note (purpose_id, note_id) VALUES (1, 1), (2, 1);

INSERT INTO assessment (id, person_id, assessed_at, engagement, cooperation_type, source, note_id, comment) VALUES
  (1, 1, '2025-03-05 12:00:00', 'neutral', 'passive', '启动会观察', 1, ''),
  (2, 2, '2025-03-06 09:00:00', NULL, NULL, '', NULL, 'Not enough contact yet');

INSERT INTO leader_priority (id, person_id, outcome_id, rank, evidence) VALUES
  (1, 1, 2, 1, '启动会上两次提到路线图'),
  (2, 1, 1, 2, '');

INSERT INTO leader_priority_note (priority_id, note_id) VALUES (1, 1);

INSERT INTO lead_request (id, project_id, raised_on, raised_by_id, kind, text, owner_id, status, resolution, resolved_on) VALUES
  (1, 1, '2025-03-05', 1, 'question', '能否把地市公司的访谈提前？', 3, 'resolved', '已调整访谈计划', '2025-03-07'),
  (2, 1, '2025-03-10', 1, 'opinion', '报告要少用英文缩写', NULL, 'open', '', NULL);

INSERT INTO action_item (id, project_id, title, owner_id, start_date, due_date, status, completed_on, source, meeting_id, note_id, lead_request_id, priority, needs_client_assistance, carry_over_count, reminders_sent, notes, client_comment, created_at) VALUES
  (1, 1, '提供三个地市公司的组织架构图', 2, '2025-03-06', '2025-03-12', 'in_progress', NULL, 'meeting', 1, 2, NULL, 'high', 1, 1, 2, '', '下周一给', '2025-03-05 11:40:00'),
  (2, 1, 'Revise interview schedule', 3, NULL, '2025-03-07', 'done', '2025-03-07', 'lead_request', NULL, NULL, 1, 'normal', 0, 0, 0, '', '', '2025-03-05 15:00:00'),
  (3, 2, 'Send NDA', 4, NULL, NULL, 'open', NULL, 'manual', NULL, NULL, NULL, 'low', 0, 0, 0, '', '', '2025-04-01 14:05:00');

INSERT INTO milestone_review (id, project_id, title, kind, due_date, reviewer_id, state, submitted_on, reviewed_on, comment) VALUES
  (1, 1, '现状诊断报告', 'deliverable', '2025-04-30', 1, 'submitted', '2025-04-28', NULL, '');

INSERT INTO follow_up (id, project_id, person_id, action_item_id, follow_up_on, reason, outcome, new_commitment_date) VALUES
  (1, 1, 2, 1, '2025-03-13', '部门领导未审批', '承诺周五前提供', '2025-03-14');

INSERT INTO minutes_distribution (id, meeting_id, version, sent_at, recipients, client_feedback, revision_needed, revision_items) VALUES
  (1, 1, '1', '2025-03-05 17:30:00', 'wang.jg@ecg.example.cn; alice@firm.example', '', NULL, ''),
  (2, 1, '2', '2025-03-06 10:00:00', 'wang.jg@ecg.example.cn', '确认', 0, '');

INSERT INTO status_report (id, project_id, period_start, period_end, status_text, problems_text, help_needed_text, file_name, created_at) VALUES
  (1, 1, '2025-03-03', '2025-03-09', '启动会已召开，访谈计划确认', '数据口径不统一', '请信息中心协调数据接口人', '周报-第1周.docx', '2025-03-10 08:30:00');
