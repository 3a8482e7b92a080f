<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Edit step</source>
        <translation>编辑步骤</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>The client&apos;s assistance is needed</source>
        <translation>需要客户协助</translation>
    </message>
    <message>
        <source>What happens next if it is late (shown in the report, without names)</source>
        <translation>如延期，下一步如何安排（写入报告，不点名）</translation>
    </message>
    <message>
        <source>Internal: never sent to the client</source>
        <translation>内部备注：不会发送给客户</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>责任人(&amp;O)：</translation>
    </message>
    <message>
        <source>S&amp;tart:</source>
        <translation>开始日期(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Completed on:</source>
        <translation>完成日期(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation>下一步安排(&amp;N)：</translation>
    </message>
    <message>
        <source>Not&amp;es:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ActionItemDialog</name>
    <message>
        <source>Action item</source>
        <translation>行动项</translation>
    </message>
    <message>
        <source>Action item title</source>
        <extracomment>Made from an internal note: internal while the title quotes it (services.audience).</extracomment>
        <translation>行动项标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>(no owner yet)</source>
        <translation>（暂无责任人）</translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Needs the client&apos;s &amp;assistance</source>
        <translation>需要客户协助(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>责任人(&amp;O)：</translation>
    </message>
    <message>
        <source>Made from an internal note: this step stays internal (left out of the minutes, tracker and report) until you rewrite its title in words the client may read.</source>
        <translation>由内部备注生成：在您用客户可以阅读的措辞改写标题之前，此事项保持内部（不进入会议纪要、跟踪表和进展报告）。</translation>
    </message>
</context>
<context>
    <name>ActivePage</name>
    <message>
        <source>Success factors</source>
        <translation>成功因素</translation>
    </message>
    <message>
        <source>Save success factors</source>
        <translation>保存成功因素</translation>
    </message>
    <message>
        <source>Carry the success factors over to</source>
        <translation>将成功因素推广到</translation>
    </message>
    <message>
        <source>Carry over to the ticked people</source>
        <translation>推广到勾选的人员</translation>
    </message>
    <message>
        <source>Active: why so willing, and carry it over to others</source>
        <translation>积极配合者：找出其乐于配合的原因，推广到其他人</translation>
    </message>
    <message>
        <source>Success factors:</source>
        <translation>成功因素：</translation>
    </message>
    <message>
        <source>Carry over to:</source>
        <translation>推广到：</translation>
    </message>
    <message>
        <source>Carried over to: {names}</source>
        <translation>已推广到：{names}</translation>
    </message>
    <message>
        <source>Edit success factors</source>
        <translation>编辑成功因素</translation>
    </message>
    <message>
        <source>Carry over success factors</source>
        <translation>推广成功因素</translation>
    </message>
</context>
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>议题(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Presenter:</source>
        <translation>汇报人(&amp;P)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Minutes:</source>
        <translation>时长(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>AgendaSection</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Rename agenda item</source>
        <translation>重命名议题</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>汇报人</translation>
    </message>
    <message>
        <source>Change presenter</source>
        <translation>修改汇报人</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Change minutes allotted</source>
        <translation>修改议题时长</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加议题…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>编辑议题…</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除议题</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>删除议题</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Agenda: {total} minutes</source>
        <translation>议程：共 {total} 分钟</translation>
    </message>
    <message>
        <source>Agenda: {total} of {length} minutes</source>
        <translation>议程：共 {total} 分钟（会议时长 {length} 分钟）</translation>
    </message>
    <message>
        <source>{over} minutes over the meeting&apos;s length</source>
        <translation>超出会议时长 {over} 分钟</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <source>Edit agenda item</source>
        <translation>编辑议题</translation>
    </message>
</context>
<context>
    <name>AgendaTimer</name>
    <message>
        <source>No agenda item running.</source>
        <extracomment>Share of the allotted time after which the item turns amber.</extracomment>
        <translation>没有正在进行的议程事项。</translation>
    </message>
    <message>
        <source>Agenda timer</source>
        <translation>议程计时</translation>
    </message>
    <message>
        <source>No agenda for this meeting.</source>
        <translation>本次会议没有议程。</translation>
    </message>
    <message>
        <source>Agenda timer: Ctrl+↓ starts the first item.</source>
        <translation>议程计时：按 Ctrl+↓ 开始第一项。</translation>
    </message>
    <message>
        <source>Agenda done.</source>
        <translation>议程已全部完成。</translation>
    </message>
    <message>
        <source>%1/%2 %3 — %4 of %5</source>
        <translation>%1/%2 %3 — 已用 %4，计划 %5</translation>
    </message>
    <message>
        <source> (over by %1)</source>
        <translation>（超时 %1）</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>&amp;Who (may be outside the team):</source>
        <translation>确认人（可为项目组外人员）(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Comments:</source>
        <translation>意见(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>ApprovalSection</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>客户答复</translation>
    </message>
    <message>
        <source>By</source>
        <translation>答复人</translation>
    </message>
    <message>
        <source>On</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Minutes sent</source>
        <translation>已发送的纪要</translation>
    </message>
    <message>
        <source>&amp;Approved by the client…</source>
        <translation>客户已确认(&amp;A)…</translation>
    </message>
    <message>
        <source>Returned with &amp;changes…</source>
        <translation>退回修改(&amp;C)…</translation>
    </message>
    <message>
        <source>Minutes approved</source>
        <translation>纪要已确认</translation>
    </message>
    <message>
        <source>Minutes returned with changes</source>
        <translation>纪要被退回修改</translation>
    </message>
    <message>
        <source>Minutes returned</source>
        <translation>纪要已退回</translation>
    </message>
</context>
<context>
    <name>AssessmentTimeline</name>
    <message>
        <source>Assessment timeline</source>
        <translation>评估时间线</translation>
    </message>
    <message>
        <source>No assessments yet.</source>
        <translation>暂无评估记录。</translation>
    </message>
</context>
<context>
    <name>AttendeesDialog</name>
    <message>
        <source>Add attendees</source>
        <translation>添加参会人员</translation>
    </message>
    <message>
        <source>Filter by name, side, role or title</source>
        <translation>按姓名、所属方、角色或职务筛选</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>People of the register</source>
        <translation>干系人登记表中的人员</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>Everyone in the register is invited already.</source>
        <translation>登记表中的人员均已邀请。</translation>
    </message>
    <message>
        <source>Or add a new person to the register</source>
        <translation>或向登记表添加新人员</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Si&amp;de:</source>
        <translation>所属方(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>部门(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <source>New person: {field}</source>
        <translation>新人员：{field}</translation>
    </message>
</context>
<context>
    <name>AttendeesSection</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属方</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>分工</translation>
    </message>
    <message>
        <source>Edit responsibility</source>
        <translation>编辑分工</translation>
    </message>
    <message>
        <source>RSVP</source>
        <translation>参会确认</translation>
    </message>
    <message>
        <source>Change RSVP</source>
        <translation>修改参会确认</translation>
    </message>
    <message>
        <source>No email: not in the meeting invite</source>
        <translation>无邮箱：不会收到会议邀请</translation>
    </message>
    <message>
        <source>Add attendees…</source>
        <translation>添加参会人员…</translation>
    </message>
    <message>
        <source>Remove attendee</source>
        <translation>移除参会人员</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>tick someone, or type a new name</source>
        <translation>请勾选人员，或输入新人员的姓名</translation>
    </message>
    <message>
        <source>Add attendees</source>
        <translation>添加参会人员</translation>
    </message>
</context>
<context>
    <name>AttitudesSection</name>
    <message>
        <source>Internal — confidential: attitudes, and your judgement of which outcomes each leader values, are for the consultant team only and never appear in the minutes or the email. What a leader says (F8 notes too) is minuted as said, unless the note is marked internal.</source>
        <translation>内部——保密：态度，以及您对各位领导最看重哪些成果的判断，仅供顾问组使用，绝不会出现在会议纪要或邮件中。领导的发言（包括 F8 记录）按原话写入纪要，标记为内部的记录除外。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>点名</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>期望态度</translation>
    </message>
    <message>
        <source>Cooperation type</source>
        <translation>配合类型</translation>
    </message>
    <message>
        <source>Last observed</source>
        <translation>最近观察</translation>
    </message>
    <message>
        <source>Attendees&apos; attitudes</source>
        <translation>参会人员态度</translation>
    </message>
    <message>
        <source>Record &amp;observation…</source>
        <translation>记录观察(&amp;O)…</translation>
    </message>
    <message>
        <source>Record observation</source>
        <translation>记录观察</translation>
    </message>
    <message>
        <source>Mark &amp;attended</source>
        <translation>标记出席(&amp;A)</translation>
    </message>
    <message>
        <source>Mark attended</source>
        <translation>标记出席</translation>
    </message>
    <message>
        <source>Record the chosen attendee as present ({key})</source>
        <translation>将所选参会人记为已出席（{key}）</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Change rank</source>
        <translation>修改排序</translation>
    </message>
    <message>
        <source>Outcome valued</source>
        <translation>看重的成果</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Edit evidence</source>
        <translation>编辑依据</translation>
    </message>
    <message>
        <source>Notes that show it</source>
        <translation>相关记录</translation>
    </message>
    <message>
        <source>Outcomes each leader values</source>
        <translation>各位领导看重的成果</translation>
    </message>
    <message>
        <source>Add valued ou&amp;tcome…</source>
        <translation>添加看重的成果(&amp;T)…</translation>
    </message>
    <message>
        <source>Add valued outcome</source>
        <translation>添加看重的成果</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove valued outcome</source>
        <translation>移除看重的成果</translation>
    </message>
    <message>
        <source>Attitudes observed</source>
        <translation>观察到的态度</translation>
    </message>
    <message>
        <source>Outcomes each leader values most</source>
        <translation>各位领导最看重的成果</translation>
    </message>
    <message>
        <source>This meeting has no attendees to observe.</source>
        <translation>本次会议没有可观察的参会人员。</translation>
    </message>
    <message>
        <source>Record attitude</source>
        <translation>记录态度</translation>
    </message>
    <message>
        <source>This project lists no outcomes yet: add the project&apos;s outcomes first.</source>
        <translation>本项目尚未列出成果：请先添加项目成果。</translation>
    </message>
    <message>
        <source>Valued outcome</source>
        <translation>看重的成果</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Kept in {folder}</source>
        <translation>保存位置：{folder}</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>备份列表（最新的在前）</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>保留的自动备份份数</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>保留最近的份数(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore selected…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>on start</source>
        <translation>启动时</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Restore from file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>pmdesk databases (*.db)</source>
        <translation>pmdesk 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace everything in {name} with the backup {backup}? A copy of the current data is kept as a backup first.</source>
        <translation>用备份 {backup} 替换 {name} 中的全部数据？替换前会先将当前数据另存为一份备份。</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
</context>
<context>
    <name>CaptureBar</name>
    <message>
        <source>Speaker (Ctrl+1…9, 0)</source>
        <extracomment>Speakers 1–9 and 0 get a key each: Ctrl+digit anywhere on the capture screen, or the digit alone in the speaker list (digits typed into the note stay in the note). One function key per note kind, in the order the method lists them. The line is written to the database this long after the first change since the last write (≤ 1 s promised, also while typing goes on without a pause). Enter in the line with text in it. The line (a CaptureLine: text, speaker, kind, agenda item, internal), within DRAFT_DELAY_MS of a change: save it as the draft.</extracomment>
        <translation>发言人（Ctrl+1…9、0）</translation>
    </message>
    <message>
        <source>Current agenda item</source>
        <translation>当前议题</translation>
    </message>
    <message>
        <source>A&amp;genda item:</source>
        <translation>议题(&amp;G)：</translation>
    </message>
    <message>
        <source>Internal (F9)</source>
        <translation>仅限内部 (F9)</translation>
    </message>
    <message>
        <source>Internal note: never in client files</source>
        <translation>内部记录：不会出现在客户文件中</translation>
    </message>
    <message>
        <source>Note being typed</source>
        <translation>正在输入的记录</translation>
    </message>
    <message>
        <source>Type what is said; Enter saves the note</source>
        <translation>输入发言内容，按 Enter 保存记录</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Ctrl+1…9, 0 speaker · F2–F8 kind · F9 internal · Ctrl+↓/↑ next/previous agenda item · Enter saves. Kind and internal go back to Remark after each note; what you type is saved every second.</source>
        <translation>Ctrl+1…9、0 选发言人 · F2–F8 选类型 · F9 仅限内部 · Ctrl+↓/↑ 下一个/上一个议题 · Enter 保存。每条记录保存后，类型恢复为“发言”并取消“仅限内部”；输入的内容每秒自动保存。</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>未选发言人</translation>
    </message>
    <message>
        <source>(no agenda item)</source>
        <translation>（无议题）</translation>
    </message>
</context>
<context>
    <name>CaptureSection</name>
    <message>
        <source>Time</source>
        <extracomment>Days after the meeting a quick action item is due unless the user says otherwise. observe(person_id, note) and value_outcome(person_id, note), from the attitudes section.</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Change speaker</source>
        <translation>修改发言人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Change note kind</source>
        <translation>修改记录类型</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Change agenda item</source>
        <translation>修改议题</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>仅限内部</translation>
    </message>
    <message>
        <source>Mark note internal</source>
        <translation>将记录标记为仅限内部</translation>
    </message>
    <message>
        <source>Mark note for client</source>
        <translation>将记录标记为可发给客户</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <source>Internal: never in the minutes or any client file</source>
        <translation>仅限内部：不会出现在会议纪要或任何客户文件中</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Mark the speaker attended</source>
        <translation>将当前发言人标记为出席</translation>
    </message>
    <message>
        <source>Edit no&amp;te</source>
        <translation>编辑记录(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Delete note</source>
        <translation>删除记录(&amp;D)</translation>
    </message>
    <message>
        <source>Action &amp;item…</source>
        <translation>行动项(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Attitude…</source>
        <translation>态度(&amp;A)…</translation>
    </message>
    <message>
        <source>Valued &amp;outcome…</source>
        <translation>看重的成果(&amp;O)…</translation>
    </message>
    <message>
        <source>Edit the selected cell (or double-click it)</source>
        <translation>编辑所选单元格（或双击单元格）</translation>
    </message>
    <message>
        <source>An action item from the selected note</source>
        <translation>根据所选记录创建行动项</translation>
    </message>
    <message>
        <source>Record the speaker&apos;s attitude (internal: goes to their history)</source>
        <translation>记录发言人的态度（仅限内部：记入其评估历史）</translation>
    </message>
    <message>
        <source>This note shows which outcome the speaker values</source>
        <translation>此记录反映了发言人看重的成果</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>(no speaker)</source>
        <translation>（无发言人）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Restored the line you were typing at {time}: it was not saved as a note yet. Press Enter to save it.</source>
        <translation>已恢复您在 {time} 正在输入的内容：它尚未保存为记录。请按 Enter 保存。</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>已保存（{time}）。</translation>
    </message>
    <message>
        <source>Capture note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>添加行动项</translation>
    </message>
</context>
<context>
    <name>CarryOverSection</name>
    <message>
        <source>Kind</source>
        <extracomment>The one key for each outcome.</extracomment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>计划完成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源会议</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Review of open items</source>
        <translation>遗留事项回顾</translation>
    </message>
    <message>
        <source>R resolve · K keep for next time · D drop (on the selected item)</source>
        <translation>R 已解决 · K 下次继续 · D 不再跟踪（作用于所选事项）</translation>
    </message>
    <message>
        <source>Open item: %1</source>
        <translation>遗留事项：%1</translation>
    </message>
</context>
<context>
    <name>CausesPage</name>
    <message>
        <source>Causes in your own words</source>
        <translation>原因（自行描述）</translation>
    </message>
    <message>
        <source>Save causes</source>
        <translation>保存原因</translation>
    </message>
    <message>
        <source>Common causes:</source>
        <translation>常见原因：</translation>
    </message>
    <message>
        <source>In your own words:</source>
        <translation>自行描述：</translation>
    </message>
    <message>
        <source>Edit causes</source>
        <translation>编辑原因</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Re-confirmation change</source>
        <translation>再次确认的变更</translation>
    </message>
    <message>
        <source>&amp;What changed:</source>
        <translation>变更项(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Change:</source>
        <translation>变更内容(&amp;C)：</translation>
    </message>
    <message>
        <source>Confirmed &amp;by:</source>
        <translation>确认人(&amp;B)：</translation>
    </message>
    <message>
        <source>W&amp;hen:</source>
        <translation>时间(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;New venue:</source>
        <translation>新地点(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>ChangesSection</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>变更项</translation>
    </message>
    <message>
        <source>Change what changed</source>
        <translation>修改变更项</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Edit change</source>
        <translation>编辑变更内容</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Change who confirmed</source>
        <translation>修改确认人</translation>
    </message>
    <message>
        <source>Record change…</source>
        <translation>记录变更…</translation>
    </message>
    <message>
        <source>Remove change</source>
        <translation>删除变更</translation>
    </message>
    <message>
        <source>Remove change record</source>
        <translation>删除变更记录</translation>
    </message>
    <message>
        <source>Re-confirmation changes</source>
        <translation>再次确认的变更</translation>
    </message>
    <message>
        <source>Record change</source>
        <translation>记录变更</translation>
    </message>
    <message>
        <source>Change the venue</source>
        <translation>修改地点</translation>
    </message>
</context>
<context>
    <name>ChaseSection</name>
    <message>
        <source>Assistance needed</source>
        <translation>需要的协助</translation>
    </message>
    <message>
        <source>From</source>
        <translation>协助人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Reminders sent</source>
        <translation>已催办次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Chase list</source>
        <translation>催办清单</translation>
    </message>
    <message>
        <source>Re&amp;minder email…</source>
        <translation>催办邮件(&amp;M)…</translation>
    </message>
    <message>
        <source>A polite reminder draft to the person (.eml); counts as one reminder sent</source>
        <translation>给对方的礼貌催办邮件草稿 (.eml)；计为一次催办</translation>
    </message>
    <message>
        <source>Email drafts (*.eml)</source>
        <translation>邮件草稿 (*.eml)</translation>
    </message>
    <message>
        <source>Reminder sent</source>
        <translation>已发催办</translation>
    </message>
</context>
<context>
    <name>ChecklistSection</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Edit checklist step</source>
        <translation>编辑检查项</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation>添加步骤…</translation>
    </message>
    <message>
        <source>Edit step…</source>
        <translation>编辑步骤…</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Remove checklist step</source>
        <translation>删除检查项</translation>
    </message>
    <message>
        <source>Done / not done</source>
        <translation>完成/未完成</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>{n} overdue: shown in red</source>
        <translation>{n} 项逾期：以红色显示</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>无逾期事项</translation>
    </message>
    <message>
        <source>fixed time</source>
        <translation>固定时间</translation>
    </message>
    <message>
        <source>at the start</source>
        <translation>会议开始时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{amount} before</source>
        <translation>会前 {amount}</translation>
    </message>
    <message>
        <source>{amount} after</source>
        <translation>会后 {amount}</translation>
    </message>
    <message>
        <source>Tick checklist step</source>
        <translation>勾选检查项</translation>
    </message>
    <message>
        <source>Untick checklist step</source>
        <translation>取消勾选检查项</translation>
    </message>
    <message>
        <source>Add checklist step</source>
        <translation>添加检查项</translation>
    </message>
</context>
<context>
    <name>ChecklistStepDialog</name>
    <message>
        <source>Checklist step</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>P&amp;hase:</source>
        <translation>阶段(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Relative to the meeting start</source>
        <translation>相对会议开始时间(&amp;R)</translation>
    </message>
    <message>
        <source>At a &amp;fixed time</source>
        <translation>固定时间(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;No due time</source>
        <translation>不设截止时间(&amp;N)</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>时间单位</translation>
    </message>
    <message>
        <source>before the start</source>
        <translation>会前</translation>
    </message>
    <message>
        <source>after the start</source>
        <translation>会后</translation>
    </message>
    <message>
        <source>Before or after</source>
        <translation>会前或会后</translation>
    </message>
    <message>
        <source>Fixed due time</source>
        <translation>固定截止时间</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>截止时间：</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
</context>
<context>
    <name>ClosedDialog</name>
    <message>
        <source>Done and snoozed</source>
        <translation>已完成与暂缓</translation>
    </message>
    <message>
        <source>What you did</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Why it was listed</source>
        <translation>列出原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Done and snoozed items</source>
        <translation>已完成与暂缓的事项</translation>
    </message>
    <message>
        <source>Nothing is done, snoozed or dismissed.</source>
        <translation>没有已完成、暂缓或忽略的事项。</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Put it back on Today&apos;s list</source>
        <translation>放回今日清单</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>暂缓至%1</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Reopen a Today item</source>
        <translation>重新打开今日事项</translation>
    </message>
</context>
<context>
    <name>CoachingDialog</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Planned on</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>实际沟通日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Planned on:</source>
        <translation>计划日期(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Held on:</source>
        <translation>实际沟通日期(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Take the client&apos;s</source>
        <translation>采用客户的值</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>工作事项</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>导出时</translation>
    </message>
    <message>
        <source>pmdesk now</source>
        <translation>pmdesk 现值</translation>
    </message>
    <message>
        <source>Client&apos;s</source>
        <translation>客户填写</translation>
    </message>
    <message>
        <source>Chosen before</source>
        <translation>此前的选择</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>实际完成日期</translation>
    </message>
    <message>
        <source>Client comment</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>{choice} on {date}</source>
        <translation>{date} {choice}</translation>
    </message>
    <message>
        <source>took the client&apos;s</source>
        <translation>采用了客户的值</translation>
    </message>
    <message>
        <source>kept pmdesk&apos;s</source>
        <translation>保留了 pmdesk 的值</translation>
    </message>
</context>
<context>
    <name>CooperationBox</name>
    <message>
        <source>Cooperation type</source>
        <translation>配合类型</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>采用建议</translation>
    </message>
    <message>
        <source>Cooperation type:</source>
        <translation>配合类型：</translation>
    </message>
    <message>
        <source>no deadlines passed yet</source>
        <translation>尚无已到期的截止日期</translation>
    </message>
    <message>
        <source>{on_time} of {judged} deadlines on time ({rate:.0%}) · {late} late · {overdue} overdue · {carried} moved</source>
        <translation>{judged} 个截止日期中 {on_time} 个按时完成（{rate:.0%}）· {late} 个延迟完成 · {overdue} 个逾期 · 顺延 {carried} 次</translation>
    </message>
    <message>
        <source>not enough history (needs {n} deadlines)</source>
        <translation>历史记录不足（需要 {n} 个截止日期）</translation>
    </message>
    <message>
        <source>Suggested from the on-time record: &lt;b&gt;{verdict}&lt;/b&gt;&lt;br&gt;{numbers}</source>
        <translation>根据按时完成记录建议：&lt;b&gt;{verdict}&lt;/b&gt;&lt;br&gt;{numbers}</translation>
    </message>
    <message>
        <source>The suggestion counts passed deadlines of the person&apos;s action items: done on time, done late, still open past the due date, and each carry-over (a deadline missed and moved). Fewer than {n}: not enough history. {overdue} or more overdue, or at most {passive:.0%} on time: passive. At least {active:.0%} on time: active. Otherwise: routine. Your own classification always wins.</source>
        <translation>建议依据此人行动项中已到期的截止日期统计：按时完成、延迟完成、过期仍未完成，以及每次顺延（错过截止日期并改期）。少于 {n} 个：历史记录不足。逾期 {overdue} 个及以上，或按时率不超过 {passive:.0%}：消极配合者。按时率不低于 {active:.0%}：积极配合者。其他情况：按部就班者。始终以您自己的分类为准。</translation>
    </message>
    <message>
        <source>Change cooperation type</source>
        <translation>修改配合类型</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>应对方案</translation>
    </message>
    <message>
        <source>Use the suggested cooperation type</source>
        <translation>采用建议的配合类型</translation>
    </message>
    <message>
        <source>On-time record</source>
        <translation>按时完成记录</translation>
    </message>
    <message>
        <source>{on_time} of {judged} deadlines on time</source>
        <translation>{judged} 个截止日期中 {on_time} 个按时完成</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Choose a date (F4)</source>
        <translation>选择日期 (F4)</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>DateTimeEdit</name>
    <message>
        <source>{what}, time</source>
        <translation>{what}，时间</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>The lead&apos;s decision</source>
        <translation>负责人的决定</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>决定说明</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>决定(&amp;D)：</translation>
    </message>
    <message>
        <source>Decided &amp;on:</source>
        <translation>决定日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <source>All decisions</source>
        <translation>全部决策</translation>
    </message>
    <message>
        <source>Show &amp;internal decisions</source>
        <translation>显示内部决策(&amp;I)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策内容</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决策人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>后续工作</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Follow-up action</source>
        <translation>后续工作</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>计划完成</translation>
    </message>
    <message>
        <source>Follow-up actions of the decision</source>
        <translation>该决策的后续工作</translation>
    </message>
    <message>
        <source>&amp;Superseded by…</source>
        <translation>被新决策取代(&amp;S)…</translation>
    </message>
    <message>
        <source>Rev&amp;oke…</source>
        <translation>撤销(&amp;O)…</translation>
    </message>
    <message>
        <source>Make &amp;active again</source>
        <translation>恢复有效(&amp;A)</translation>
    </message>
    <message>
        <source>Decision log for the client (.xlsx)…</source>
        <translation>决策记录（客户版，.xlsx）…</translation>
    </message>
    <message>
        <source>E&amp;xport for the client…</source>
        <translation>导出客户版(&amp;X)…</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <source>%1 by: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n 项决策</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no other decision to supersede it.</source>
        <translation>没有可以取代它的其他决策。</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>被以下决策取代</translation>
    </message>
    <message>
        <source>The decision that replaces it:</source>
        <translation>取代它的决策：</translation>
    </message>
    <message>
        <source>Decision superseded</source>
        <translation>决策被取代</translation>
    </message>
    <message>
        <source>Revoke decision</source>
        <translation>撤销决策</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Decision revoked</source>
        <translation>决策已撤销</translation>
    </message>
    <message>
        <source>Decision active again</source>
        <translation>决策恢复有效</translation>
    </message>
</context>
<context>
    <name>DetailsSection</name>
    <message>
        <source>this computer&apos;s zone</source>
        <extracomment>(what changed, &quot;before → after&quot;): the user wants it in the re-confirmation log.</extracomment>
        <translation>本机时区</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>名称(&amp;I)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <source>E&amp;nd:</source>
        <translation>结束(&amp;N)：</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>(no venue)</source>
        <translation>（未定地点）</translation>
    </message>
    <message>
        <source>(no time)</source>
        <translation>（未定时间）</translation>
    </message>
    <message>
        <source>Record the change?</source>
        <translation>记录此变更？</translation>
    </message>
    <message>
        <source>The kickoff was already confirmed with the client. Record this change in the re-confirmation log?

{before} → {after}</source>
        <translation>启动会安排已与客户确认。是否将此变更记入再次确认的变更记录？

{before} → {after}</translation>
    </message>
    <message>
        <source>Rename the kickoff</source>
        <translation>重命名启动会</translation>
    </message>
    <message>
        <source>Change meeting status</source>
        <translation>修改会议状态</translation>
    </message>
    <message>
        <source>Move the kickoff</source>
        <translation>调整启动会时间</translation>
    </message>
    <message>
        <source>Change the kickoff&apos;s end</source>
        <translation>修改启动会结束时间</translation>
    </message>
    <message>
        <source>Change time zone</source>
        <translation>修改时区</translation>
    </message>
    <message>
        <source>Change the venue</source>
        <translation>修改地点</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>e.g. handled by phone</source>
        <translation>例如：已电话处理</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>DistributionDialog</name>
    <message>
        <source>Minutes sent</source>
        <translation>纪要发送记录</translation>
    </message>
    <message>
        <source>Minutes version</source>
        <translation>纪要版本</translation>
    </message>
    <message>
        <source>&amp;Sent at</source>
        <translation>发送时间(&amp;S)</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Client&apos;s feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <source>Must the implementation content be revised?</source>
        <translation>项目实施相关内容是否需要修正？</translation>
    </message>
    <message>
        <source>Items to revise, one a line</source>
        <translation>需修正项，每行一项</translation>
    </message>
    <message>
        <source>One item a line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>收件人(&amp;R)：</translation>
    </message>
    <message>
        <source>Client&apos;s &amp;feedback:</source>
        <translation>客户反馈(&amp;F)：</translation>
    </message>
    <message>
        <source>Revise the imp&amp;lementation?</source>
        <translation>是否修正实施内容(&amp;L)？</translation>
    </message>
    <message>
        <source>&amp;Items to revise:</source>
        <translation>需修正项(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>EngagementMatrixModel</name>
    <message>
        <source>{n} · gap {gap} step(s): {names}</source>
        <translation>{n} 人 · 差距 {gap} 级：{names}</translation>
    </message>
</context>
<context>
    <name>EngagementSection</name>
    <message>
        <source>Engagement now (rows) against wanted (columns)</source>
        <translation>当前态度（行）与期望态度（列）对照</translation>
    </message>
    <message>
        <source>Rows: engagement now · columns: engagement wanted</source>
        <translation>行：当前态度 · 列：期望态度</translation>
    </message>
    <message>
        <source>{gaps} of {n} client people must move up.</source>
        <translation>客户方 {n} 人中有 {gaps} 人的态度需要提升。</translation>
    </message>
    <message>
        <source>Not assessed: {names}</source>
        <translation>未评估：{names}</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence notes</source>
        <translation>依据记录</translation>
    </message>
    <message>
        <source>Filter by speaker, kind or text</source>
        <translation>按发言人、类型或内容筛选</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Notes of the project&apos;s meetings</source>
        <translation>本项目的会议记录</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>会议记录(&amp;N)：</translation>
    </message>
    <message>
        <source>No notes yet: capture them in the Live meeting tab.</source>
        <translation>暂无会议记录：请在“会中记录”页签中记录。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to pmdesk</source>
        <extracomment>The old name: a new project is the project dialog without a project.</extracomment>
        <translation>欢迎使用 pmdesk</translation>
    </message>
    <message>
        <source>This database has no projects yet. A demo project shows every part of pmdesk with data in it: a prepared kickoff, leaders&apos; notes, the stakeholder analysis and a step plan with overdue items.</source>
        <translation>此数据库中还没有项目。示例项目中已填好数据，可展示 pmdesk 的各项功能：已筹备好的项目启动会、领导发言记录、干系人分析，以及含逾期事项的工作计划。</translation>
    </message>
    <message>
        <source>Open the demo project in &amp;English</source>
        <translation>打开英文示例项目(&amp;E)</translation>
    </message>
    <message>
        <source>Open the demo project in &amp;Chinese</source>
        <translation>打开中文示例项目(&amp;C)</translation>
    </message>
    <message>
        <source>Start with an em&amp;pty database</source>
        <translation>从空数据库开始(&amp;P)</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>New commitment date</source>
        <translation>新承诺日期</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>New &amp;commitment:</source>
        <translation>新承诺日期(&amp;C)：</translation>
    </message>
    <message>
        <source>Private: follow up in private, never name them in a report.</source>
        <translation>私下跟进：只在私下沟通，报告中绝不点名。</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>New commitment</source>
        <translation>新承诺日期</translation>
    </message>
    <message>
        <source>Follow-up log</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>Add follow-up…</source>
        <translation>添加跟进…</translation>
    </message>
    <message>
        <source>Log a private follow-up</source>
        <translation>记录一次私下跟进</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>编辑跟进</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete follow-up</source>
        <translation>删除跟进</translation>
    </message>
    <message>
        <source>Log follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <source>Private follow-up</source>
        <translation>私下跟进</translation>
    </message>
</context>
<context>
    <name>GatekeeperSection</name>
    <message>
        <source>Milestone or deliverable</source>
        <translation>里程碑/交付成果</translation>
    </message>
    <message>
        <source>Edit review</source>
        <translation>编辑审核项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Gatekeeper queue</source>
        <translation>待负责人审核</translation>
    </message>
    <message>
        <source>&amp;Add review…</source>
        <translation>添加审核项(&amp;A)…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Change review state</source>
        <translation>修改审核状态</translation>
    </message>
    <message>
        <source>Add review</source>
        <translation>添加审核项</translation>
    </message>
    <message>
        <source>title: cannot be empty</source>
        <translation>标题：不能为空</translation>
    </message>
    <message>
        <source>Delete review</source>
        <translation>删除审核项</translation>
    </message>
</context>
<context>
    <name>GridSection</name>
    <message>
        <source>Save grid as P&amp;NG…</source>
        <translation>将矩阵保存为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Drag a person, or Page Up/Down then the arrow keys, to move them.</source>
        <translation>拖动人员，或先按 Page Up/Down 选中再用方向键，即可移动。</translation>
    </message>
    <message>
        <source>Move on the power/interest grid</source>
        <translation>在影响力/关注度矩阵中移动</translation>
    </message>
    <message>
        <source>power-interest grid</source>
        <translation>影响力-关注度矩阵</translation>
    </message>
    <message>
        <source>Save grid as PNG</source>
        <translation>将矩阵保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Power/interest grid</source>
        <translation>影响力/关注度矩阵</translation>
    </message>
    <message>
        <source>Grid not saved</source>
        <translation>矩阵未保存</translation>
    </message>
</context>
<context>
    <name>HealthChart</name>
    <message>
        <source>Project health</source>
        <translation>项目健康度</translation>
    </message>
    <message>
        <source>Steps due in the last %1 weeks: %2 on time, %3 late, %4 open</source>
        <translation>近%1周到期的步骤：按时%2个，延迟%3个，未完成%4个</translation>
    </message>
    <message>
        <source>Choose a project to see its health.</source>
        <translation>请选择一个项目以查看其健康度。</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康度：%1</translation>
    </message>
    <message>
        <source>The client lead&apos;s reviews</source>
        <translation>客户项目负责人审阅</translation>
    </message>
    <message>
        <source>Engagement: now ● and needed ○</source>
        <translation>参与度：当前 ● 与期望 ○</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed: %1 days to review at the median, %2 at the longest.</source>
        <translation>
            <numerusform>已审阅%n项：审阅用时中位数%1天，最长%2天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing reviewed yet.</source>
        <translation>尚无已审阅事项。</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting, the oldest for %1 days.</source>
        <translation>
            <numerusform>%n项待审阅，最久已等待%1天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting for review.</source>
        <translation>没有待审阅事项。</translation>
    </message>
    <message>
        <source>No client person has both engagement levels set.</source>
        <translation>尚无客户人员同时设定了当前与期望参与度。</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有%n人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Cooperation type</source>
        <translation>配合类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Assessment history</source>
        <translation>评估历史</translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message>
        <source>Do it</source>
        <extracomment>The user asked to do the item (the tab opens its flow). The user asked for the done / snoozed / dismissed list.</extracomment>
        <translation>去处理</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>暂缓(&amp;N)…</translation>
    </message>
    <message>
        <source>Dis&amp;miss…</source>
        <translation>忽略(&amp;M)…</translation>
    </message>
    <message>
        <source>Done and snoo&amp;zed…</source>
        <translation>已完成与暂缓(&amp;Z)…</translation>
    </message>
    <message>
        <source>Mark it done: it leaves Today (Ctrl+Z brings it back)</source>
        <translation>标记为完成：从今日清单移除（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Hide it until a date you choose</source>
        <translation>隐藏到您选择的日期</translation>
    </message>
    <message>
        <source>Hide it for good, saying why</source>
        <translation>永久隐藏，并说明原因</translation>
    </message>
    <message>
        <source>The items done, snoozed or dismissed: reopen one</source>
        <translation>已完成、暂缓或忽略的事项：可重新打开</translation>
    </message>
    <message>
        <source>Email drafts (*.eml)</source>
        <extracomment>What a mark changes (the state functions return nothing): the marks&apos; table.</extracomment>
        <translation>邮件草稿 (*.eml)</translation>
    </message>
    <message>
        <source>Write the nudge email…</source>
        <translation>撰写审阅提醒邮件…</translation>
    </message>
    <message>
        <source>Open the lead&apos;s request</source>
        <translation>打开负责人的请求</translation>
    </message>
    <message>
        <source>Write the reminder email…</source>
        <translation>撰写提醒邮件…</translation>
    </message>
    <message>
        <source>Log a private follow-up…</source>
        <translation>记录私下跟进…</translation>
    </message>
    <message>
        <source>Open the step</source>
        <translation>打开该步骤</translation>
    </message>
    <message>
        <source>Open the status report</source>
        <translation>打开进度汇报</translation>
    </message>
    <message>
        <source>Open the report builder</source>
        <translation>打开汇报编写</translation>
    </message>
    <message>
        <source>Open the kickoff checklist</source>
        <translation>打开启动会检查清单</translation>
    </message>
    <message>
        <source>Open the material</source>
        <translation>打开该材料</translation>
    </message>
    <message>
        <source>Open the minutes to send</source>
        <translation>打开会议纪要以发送</translation>
    </message>
    <message>
        <source>Open the minutes&apos; sending record</source>
        <translation>打开会议纪要发送记录</translation>
    </message>
    <message>
        <source>Open the person&apos;s playbook</source>
        <translation>打开此人的应对方案</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Snooze: %1</source>
        <translation>暂缓：%1</translation>
    </message>
    <message>
        <source>Dismiss: %1</source>
        <translation>忽略：%1</translation>
    </message>
</context>
<context>
    <name>KickoffSection</name>
    <message>
        <source>Move up</source>
        <extracomment>The section&apos;s main table. (person id, name) choices of table columns; filled in place on each show.</extracomment>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>KickoffTab</name>
    <message>
        <source>Kickoff pack (.docx)…</source>
        <translation>启动会资料包 (.docx)…</translation>
    </message>
    <message>
        <source>Meeting invite (.ics)…</source>
        <translation>会议邀请 (.ics)…</translation>
    </message>
    <message>
        <source>Pla&amp;n the kickoff…</source>
        <translation>安排项目启动会(&amp;N)…</translation>
    </message>
    <message>
        <source>Plan the kickoff</source>
        <translation>安排项目启动会</translation>
    </message>
    <message>
        <source>The kickoff has four purposes: the client knows the project and its plan; knows the project structure and the consultant team; you learn the attitude of the client, its leaders and cooperating staff; and which outcomes the leaders value most. Planning it creates the meeting, its purposes and the method&apos;s before / during / after checklist.</source>
        <translation>项目启动会有四个目的：让客户知晓项目及其推进计划；让客户认识项目架构、了解顾问组成员；摸清客户、领导及配合人员对项目的态度；了解领导最看重的成果。安排启动会后，将创建会议、四个目的以及方法中的会前/会中/会后检查清单。</translation>
    </message>
    <message>
        <source>Purp&amp;oses</source>
        <translation>目的(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;ttendees</source>
        <translation>参会人员(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>议程(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>会议材料(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>检查清单(&amp;C)</translation>
    </message>
    <message>
        <source>Change lo&amp;g</source>
        <translation>变更记录(&amp;G)</translation>
    </message>
    <message>
        <source>purposes met: {met} of {all}</source>
        <translation>目的达成：{met}/{all}</translation>
    </message>
    <message>
        <source>checklist: {done} of {all} done</source>
        <translation>检查清单：已完成 {done}/{all}</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 项逾期</translation>
    </message>
    <message>
        <source>Plan the kickoff first.</source>
        <translation>请先安排项目启动会。</translation>
    </message>
    <message>
        <source>Set the kickoff&apos;s date and time first.</source>
        <translation>请先设置启动会的日期和时间。</translation>
    </message>
    <message>
        <source>This project has no kickoff meeting yet.</source>
        <translation>此项目尚未安排项目启动会。</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>当前未打开任何项目。</translation>
    </message>
</context>
<context>
    <name>LeadRequestsSection</name>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>意见/问题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>修改责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Lead requests</source>
        <translation>负责人意见与问题</translation>
    </message>
    <message>
        <source>&amp;Make an action item</source>
        <translation>转为行动项(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Add request…</source>
        <translation>添加意见/问题(&amp;A)…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Change request status</source>
        <translation>修改意见/问题状态</translation>
    </message>
    <message>
        <source>Add request</source>
        <translation>添加意见/问题</translation>
    </message>
    <message>
        <source>text: cannot be empty</source>
        <translation>内容：不能为空</translation>
    </message>
    <message>
        <source>Edit request</source>
        <translation>编辑意见/问题</translation>
    </message>
    <message>
        <source>Make an action item</source>
        <translation>转为行动项</translation>
    </message>
    <message>
        <source>Delete request</source>
        <translation>删除意见/问题</translation>
    </message>
</context>
<context>
    <name>LiveMeetingTab</name>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Meeti&amp;ng:</source>
        <translation>会议(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>现场记录(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Who said what</source>
        <translation>发言汇总(&amp;W)</translation>
    </message>
    <message>
        <source>Attit&amp;udes and outcomes</source>
        <translation>态度与看重的成果(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Minutes and sending</source>
        <translation>纪要与发送(&amp;M)</translation>
    </message>
    <message>
        <source>Review of open items</source>
        <translation>遗留事项回顾</translation>
    </message>
    <message>
        <source>No meetings yet.</source>
        <translation>暂无会议。</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pmdesk</source>
        <extracomment>The workflow tabs in their order: the attribute each is kept in, and its module and class, imported when the tab is first built. Settings: open on the Today tab when an item is overdue (on unless turned off), and a desktop notification of what is due when pmdesk starts (off unless turned on). Settings: the tab the user had last, by name (its attribute in `TABS`). Before it, &quot;window/tab&quot; kept its index, from before Today was the first tab. Emitted after every saved change, undo and redo; tabs refresh what it touches. The user chose another UI language (applied after a restart). The tab on screen is built and shows its project (by `load()`).</extracomment>
        <translation>pmdesk</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>&amp;Kickoff</source>
        <translation>项目启动会(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Live meeting</source>
        <translation>会中记录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Stakeholders</source>
        <translation>干系人(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>进度推进(&amp;P)</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列会议</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策记录</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <extracomment>The app&apos;s shell builds the tab on screen first and the others after it.</extracomment>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>Edit pro&amp;ject…</source>
        <translation>编辑项目(&amp;J)…</translation>
    </message>
    <message>
        <source>Arc&amp;hive project</source>
        <translation>归档项目(&amp;H)</translation>
    </message>
    <message>
        <source>De&amp;lete project…</source>
        <translation>删除项目(&amp;L)…</translation>
    </message>
    <message>
        <source>Show &amp;archived projects</source>
        <translation>显示已归档项目(&amp;A)</translation>
    </message>
    <message>
        <source>Open on To&amp;day when something is overdue</source>
        <translation>有逾期事项时启动即打开今日(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Notify at start of what is due</source>
        <translation>启动时通知到期事项(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>The &amp;method in brief</source>
        <translation>方法简介(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;team database…</source>
        <translation>打开团队数据库(&amp;T)…</translation>
    </message>
    <message>
        <source>New &amp;database…</source>
        <translation>新建数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About pmdesk</source>
        <translation>关于 pmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>最近打开的数据库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>P&amp;roject:</source>
        <translation>项目(&amp;R)：</translation>
    </message>
    <message>
        <source>pmdesk: Today</source>
        <translation>pmdesk：今日</translation>
    </message>
    <message>
        <source>%1 overdue, %2 due today.</source>
        <translation>逾期%1项，今日到期%2项。</translation>
    </message>
    <message>
        <source>Today (%1 overdue, %2 today)</source>
        <translation>今日（逾期 %1，今日 %2）</translation>
    </message>
    <message>
        <source>What the method says to do today, across every project</source>
        <translation>按方法今天要做的事，涵盖所有项目</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>Unarc&amp;hive project</source>
        <translation>取消归档(&amp;H)</translation>
    </message>
    <message>
        <source>No projects yet: File → New project.</source>
        <translation>还没有项目：请选择“文件 → 新建项目”。</translation>
    </message>
    <message>
        <source>Project saved.</source>
        <translation>项目已保存。</translation>
    </message>
    <message>
        <source>Edit project {name}</source>
        <translation>编辑项目 {name}</translation>
    </message>
    <message>
        <source>Archive project</source>
        <translation>归档项目</translation>
    </message>
    <message>
        <source>Unarchive project</source>
        <translation>取消归档项目</translation>
    </message>
    <message>
        <source>Delete project</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Delete the project “{name}” with its kickoff, notes, people and plan? Edit → Undo brings it back while pmdesk stays open.</source>
        <translation>删除项目“{name}”及其启动会、记录、人员和计划？在 pmdesk 关闭前，可用“编辑 → 撤销”恢复。</translation>
    </message>
    <message>
        <source>Project not deleted</source>
        <translation>项目未删除</translation>
    </message>
    <message>
        <source>The team server refused to delete “{name}”: only the colleague who created a project may delete it. You can archive it instead.

{detail}</source>
        <translation>团队服务器拒绝删除“{name}”：只有创建项目的同事才能删除它。您可以改为归档。

{detail}</translation>
    </message>
    <message>
        <source>Delete project {name}</source>
        <translation>删除项目 {name}</translation>
    </message>
    <message>
        <source>Project created.</source>
        <translation>项目已创建。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>The team server this window shows</source>
        <translation>此窗口显示的团队服务器</translation>
    </message>
    <message>
        <source>Read-only: {reason}</source>
        <translation>只读：{reason}</translation>
    </message>
    <message>
        <source>The database file this window shows</source>
        <translation>本窗口显示的数据库文件</translation>
    </message>
    <message>
        <source>pmdesk — {name}</source>
        <translation>pmdesk — {name}</translation>
    </message>
    <message>
        <source>{path} is open in another pmdesk window; it was brought to the front.</source>
        <translation>{path} 已在另一个 pmdesk 窗口中打开，已将该窗口切换到前台。</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>&lt;h3&gt;pmdesk {version}&lt;/h3&gt;&lt;p&gt;The client communication desk for consulting project managers: prepare the kickoff, capture what every client leader says, analyse the client&apos;s people and push progress with the client lead as gatekeeper.&lt;/p&gt;&lt;p&gt;pmdesk is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It is built with Qt {qt} and Qt for Python (PySide6), used under the GNU LGPL v3: you may replace the PySide6 and Qt libraries in pmdesk&apos;s installed folder with your own compatible build; their source is at https://download.qt.io. Other parts: Python (PSF licence), Peewee, python-docx, openpyxl and platformdirs (MIT), icalendar (BSD).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;pmdesk {version}&lt;/h3&gt;&lt;p&gt;面向咨询项目经理的客户沟通工作台：筹备项目启动会，记录每位客户领导的发言，分析客户方人员，并以客户方项目负责人为把关者推进项目进度。&lt;/p&gt;&lt;p&gt;pmdesk 是遵循 MIT 许可证的自由软件。&lt;/p&gt;&lt;p&gt;本软件基于 Qt {qt} 和 Qt for Python (PySide6) 构建，二者按 GNU LGPL v3 许可使用：您可以用自己编译的兼容版本替换 pmdesk 安装目录中的 PySide6 和 Qt 库；其源代码位于 https://download.qt.io。其他组件：Python（PSF 许可证）、Peewee、python-docx、openpyxl 和 platformdirs（MIT）、icalendar（BSD）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>&amp;Back up to a file…</source>
        <translation>备份到文件(&amp;B)…</translation>
    </message>
    <message>
        <source>Back&amp;ups and restore…</source>
        <translation>备份与恢复(&amp;U)…</translation>
    </message>
    <message>
        <source>Team server, as {user}</source>
        <translation>团队服务器，当前身份：{user}</translation>
    </message>
    <message>
        <source>Colleagues&apos; changes show after a restart: {problem}</source>
        <translation>同事的修改需重启后才能看到：{problem}</translation>
    </message>
    <message>
        <source>Cannot reach the team server: {problem}</source>
        <translation>无法连接团队服务器：{problem}</translation>
    </message>
    <message>
        <source>Updated with a colleague&apos;s changes.</source>
        <translation>已更新同事的修改。</translation>
    </message>
    <message>
        <source>Open team database</source>
        <translation>打开团队数据库</translation>
    </message>
    <message>
        <source>{address} is not a postgresql:// address.</source>
        <translation>{address} 不是 postgresql:// 地址。</translation>
    </message>
    <message>
        <source>pmdesk databases (*.db);;All files (*)</source>
        <translation>pmdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>pmdesk databases (*.db)</source>
        <translation>pmdesk 数据库 (*.db)</translation>
    </message>
    <message>
        <source>{path} already exists; use Open database to open it.</source>
        <translation>{path} 已存在；请使用“打开数据库”将其打开。</translation>
    </message>
    <message>
        <source>Daily backup failed: {problem}</source>
        <translation>每日备份失败：{problem}</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>About pmdesk</source>
        <translation>关于 pmdesk</translation>
    </message>
</context>
<context>
    <name>MaterialDialog</name>
    <message>
        <source>Material</source>
        <translation>会议材料</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Sent to the &amp;client on:</source>
        <translation>发给客户日期(&amp;C)：</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>Client&apos;s &amp;additions:</source>
        <translation>客户补充意见(&amp;A)：</translation>
    </message>
    <message>
        <source>(no file)</source>
        <translation>（无文件）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>选择文件(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the material&apos;s file</source>
        <translation>选择材料文件</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Choose file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>MaterialsSection</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Rename material</source>
        <translation>重命名材料</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Change material kind</source>
        <translation>修改材料类型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Change version</source>
        <translation>修改版本</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sent to client</source>
        <translation>发送客户日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Change material status</source>
        <translation>修改材料状态</translation>
    </message>
    <message>
        <source>Client&apos;s additions</source>
        <translation>客户补充意见</translation>
    </message>
    <message>
        <source>Edit client&apos;s additions</source>
        <translation>编辑客户补充意见</translation>
    </message>
    <message>
        <source>Add material…</source>
        <translation>添加材料…</translation>
    </message>
    <message>
        <source>Edit material…</source>
        <translation>编辑材料…</translation>
    </message>
    <message>
        <source>Remove material</source>
        <translation>删除材料</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Save file as…</source>
        <translation>文件另存为…</translation>
    </message>
    <message>
        <source>Sent to client today</source>
        <translation>标记为今天已发客户</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>会议材料</translation>
    </message>
    <message>
        <source>Add material</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>Edit material</source>
        <translation>编辑材料</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>Replace {name} with another file? Undo puts it back.</source>
        <translation>用其他文件替换 {name}？可通过撤销恢复。</translation>
    </message>
    <message>
        <source>{title} has no file yet: use Attach file.</source>
        <translation>{title} 尚无文件：请使用“附加文件”。</translation>
    </message>
    <message>
        <source>Save file as</source>
        <translation>文件另存为</translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation>文件未保存</translation>
    </message>
    <message>
        <source>Mark material sent</source>
        <translation>标记材料已发送</translation>
    </message>
</context>
<context>
    <name>MeetingClock</name>
    <message>
        <source>Meeting clock</source>
        <extracomment>After this many hours the clock shows when the meeting started, not the time elapsed. The clock was started or stopped: the capture line takes the focus back.</extracomment>
        <translation>会议计时</translation>
    </message>
    <message>
        <source>Start meeting clock</source>
        <translation>开始会议计时</translation>
    </message>
    <message>
        <source>Note times count from when you press this (Ctrl+Shift+T)</source>
        <translation>记录时间从按下此按钮时起算（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Stop clock</source>
        <translation>停止计时</translation>
    </message>
    <message>
        <source>Stop meeting clock</source>
        <translation>停止会议计时</translation>
    </message>
    <message>
        <source>The meeting is over, or has a break (Ctrl+Shift+T)</source>
        <translation>会议结束或中途休息（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Start or stop the meeting clock</source>
        <translation>开始或停止会议计时</translation>
    </message>
    <message>
        <source>Start clock again</source>
        <translation>继续计时</translation>
    </message>
    <message>
        <source>Clock not started</source>
        <translation>未开始计时</translation>
    </message>
    <message>
        <source>Stopped at {time}</source>
        <translation>已停止于 {time}</translation>
    </message>
    <message>
        <source>Started {time}</source>
        <translation>开始于 {time}</translation>
    </message>
    <message>
        <source>Elapsed {time}</source>
        <translation>已进行 {time}</translation>
    </message>
    <message>
        <source>The clock started at {time}. Restart it now? Notes already taken keep their times.</source>
        <translation>计时已于 {time} 开始。是否现在重新开始计时？已有记录的时间保持不变。</translation>
    </message>
</context>
<context>
    <name>MeetingSection</name>
    <message>
        <source>Choose an attendee first (Ctrl+1…9, 0 picks the speaker).</source>
        <extracomment>Marks the current speaker (on the capture page) or the chosen attendee as attended.</extracomment>
        <translation>请先选择一位参会人（Ctrl+1…9、0 选择发言人）。</translation>
    </message>
    <message>
        <source>Mark {name} attended</source>
        <translation>标记{name}已出席</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Escalation memo about {name}</source>
        <translation>关于{name}的上报备忘录</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议方案</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Memo text</source>
        <translation>备忘录正文</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>撰写日期</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>发送日期</translation>
    </message>
    <message>
        <source>Internal: sent to the client lead only, never to the person.</source>
        <translation>内部：仅发给客户方项目负责人，绝不发给当事人。</translation>
    </message>
    <message>
        <source>&amp;Proposal:</source>
        <translation>建议方案(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Cause:</source>
        <translation>原因(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>正文(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Written on:</source>
        <translation>撰写日期(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Sent on:</source>
        <translation>发送日期(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>MethodGuideDialog</name>
    <message>
        <source>The method in brief</source>
        <translation>方法简介</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Who the client is&lt;/h3&gt;&lt;p&gt;The client&apos;s &lt;b&gt;project lead&lt;/b&gt; and the client-side &lt;b&gt;cooperating staff&lt;/b&gt; who do work for the project. Client &lt;b&gt;leaders&lt;/b&gt; (sponsors, executives) are a third group whose attitude and priorities you must learn.&lt;/p&gt;&lt;h3&gt;Your three roles as PM&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Commander&lt;/b&gt;: lead the work of both sides.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Filter&lt;/b&gt;: decide what goes to whom. Attitudes, classifications and private follow-ups are internal and never appear in a client file.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bridge&lt;/b&gt;: make each side&apos;s duties explicit, guard the project boundary (scope) and get the client lead to push the project.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Kickoff tab: the kickoff meeting&lt;/h3&gt;&lt;p&gt;Its four purposes: the client knows the project, its plan and the resources it needs; knows the project structure and the consultant team; you find out the attitude of the client, its leaders and staff; and which outcomes the leaders value most. Before: agree attendees, time and the division of labour with the client lead; send the materials and ask what they would add; re-confirm on site and log what changed. After: send the minutes and confirm whether the plan must change.&lt;/p&gt;&lt;h3&gt;Live meeting tab&lt;/h3&gt;&lt;p&gt;Record every leader&apos;s remarks, opinions and ideas as they speak, and judge what outcome each leader values. What was said may be minuted; your judgement of what they value stays internal.&lt;/p&gt;&lt;h3&gt;Stakeholders tab&lt;/h3&gt;&lt;p&gt;After the first contact classify each cooperating person as active, passive or routine, find the causes, and plan what to do: carry over what works, feed causes back to the lead, send help at key moments.&lt;/p&gt;&lt;h3&gt;Progress tab&lt;/h3&gt;&lt;p&gt;Plan each step with one owner and one deadline. Report to the client lead in three parts: status, problems, help needed. Praise in public those who finished on time; follow up laggards in private and give the next steps in the report instead of names.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;谁是客户&lt;/h3&gt;&lt;p&gt;客户方&lt;b&gt;项目负责人&lt;/b&gt;和为项目做事的客户方&lt;b&gt;配合人员&lt;/b&gt;。客户&lt;b&gt;领导&lt;/b&gt;（发起人、高层）是第三类人，您需要了解他们的态度和关注重点。&lt;/p&gt;&lt;h3&gt;项目经理的三个角色&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;总指挥&lt;/b&gt;：带领双方的工作。&lt;/li&gt;&lt;li&gt;&lt;b&gt;过滤者&lt;/b&gt;：决定什么信息给谁。态度、分类和私下跟进属于内部信息，绝不出现在给客户的文件中。&lt;/li&gt;&lt;li&gt;&lt;b&gt;桥梁&lt;/b&gt;：明确双方的分工，守住项目边界（范围），让客户负责人推动项目。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;启动会页：项目启动会&lt;/h3&gt;&lt;p&gt;四个目的：让客户知晓项目、推进计划和所需协调资源；认识项目架构和顾问组成员；摸清客户、领导和配合人员的态度；了解领导最看重的成果。会前：与客户负责人约定参会人员、时间和分工；发送材料并询问客户是否有补充；提前到场再次确认并记录变更。会后：发送会议纪要，确认项目实施内容是否需要修正。&lt;/p&gt;&lt;h3&gt;会议记录页&lt;/h3&gt;&lt;p&gt;在领导发言时记录每位领导的发言、意见和想法，并判断每位领导看重什么成果。发言可以写入纪要；您对其看重之处的判断只留在内部。&lt;/p&gt;&lt;h3&gt;干系人页&lt;/h3&gt;&lt;p&gt;首次接触后，把每位配合人员分为积极、消极或按部就班，分析原因并制定对策：推广有效的做法，把原因反馈给客户负责人，在关键时刻派人帮扶。&lt;/p&gt;&lt;h3&gt;进度页&lt;/h3&gt;&lt;p&gt;每个步骤有一个负责人和一个时间节点。向客户负责人汇报分三部分：现状、问题、需要的协助。公开表扬按时完成的人；私下跟进落后的人，在报告中写下一步安排而不点名。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MinutesSection</name>
    <message>
        <source>Key points by a&amp;genda item</source>
        <translation>按议题整理要点(&amp;G)</translation>
    </message>
    <message>
        <source>Key points b&amp;y speaker</source>
        <translation>按发言人整理要点(&amp;Y)</translation>
    </message>
    <message>
        <source>Cc the c&amp;onsultant team</source>
        <translation>抄送顾问组(&amp;O)</translation>
    </message>
    <message>
        <source>Write minutes (.doc&amp;x)…</source>
        <translation>生成会议纪要 (.docx)(&amp;X)…</translation>
    </message>
    <message>
        <source>Write email dr&amp;aft (.eml)…</source>
        <translation>生成邮件草稿 (.eml)(&amp;A)…</translation>
    </message>
    <message>
        <source>Write minutes</source>
        <translation>生成会议纪要</translation>
    </message>
    <message>
        <source>Write email draft</source>
        <translation>生成邮件草稿</translation>
    </message>
    <message>
        <source>Meeting &amp;minutes (.docx)…</source>
        <translation>会议纪要 (.docx)(&amp;M)…</translation>
    </message>
    <message>
        <source>Minutes &amp;email draft (.eml)…</source>
        <translation>纪要邮件草稿 (.eml)(&amp;E)…</translation>
    </message>
    <message>
        <source>The minutes and the email are for the client: what was said is minuted as said; internal notes, attitudes and your judgement of what each leader values are never in them.</source>
        <translation>会议纪要和邮件是发给客户的：发言按原话记录；内部备注、态度以及您对各位领导看重什么的判断绝不会出现在其中。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Edit version</source>
        <translation>编辑版本</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Edit recipients</source>
        <translation>编辑收件人</translation>
    </message>
    <message>
        <source>Client&apos;s feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <source>Edit client&apos;s feedback</source>
        <translation>编辑客户反馈</translation>
    </message>
    <message>
        <source>Revise implementation?</source>
        <translation>是否修正实施内容</translation>
    </message>
    <message>
        <source>Change revision decision</source>
        <translation>修改是否修正</translation>
    </message>
    <message>
        <source>Items to revise</source>
        <translation>需修正项</translation>
    </message>
    <message>
        <source>Edit items to revise</source>
        <translation>编辑需修正项</translation>
    </message>
    <message>
        <source>Distribution record</source>
        <translation>发送记录</translation>
    </message>
    <message>
        <source>Record a send&amp;ing…</source>
        <translation>记录一次发送(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Items → ac&amp;tion items</source>
        <translation>需修正项 → 行动项(&amp;T)</translation>
    </message>
    <message>
        <source>Items → pro&amp;ject scope</source>
        <translation>需修正项 → 项目范围(&amp;J)</translation>
    </message>
    <message>
        <source>Each item to revise becomes an action item of this meeting</source>
        <translation>每个需修正项转为本次会议的一个行动项</translation>
    </message>
    <message>
        <source>Each item to revise becomes an in-scope line of the project boundary</source>
        <translation>每个需修正项作为一条范围内条目加入项目边界</translation>
    </message>
    <message>
        <source>Minutes and email draft</source>
        <translation>会议纪要与邮件草稿</translation>
    </message>
    <message>
        <source>Distribution record: sent, feedback, decision</source>
        <translation>发送记录：发送、反馈、决定</translation>
    </message>
    <message>
        <source>To: {names}</source>
        <translation>收件人：{names}</translation>
    </message>
    <message>
        <source>nobody with an email address</source>
        <translation>无人填写邮箱地址</translation>
    </message>
    <message>
        <source>Cc: {names}</source>
        <translation>抄送：{names}</translation>
    </message>
    <message>
        <source>No email address (add it in Stakeholders): {names}</source>
        <translation>缺少邮箱地址（请在“干系人”中补充）：{names}</translation>
    </message>
    <message>
        <source>Record as sent?</source>
        <translation>记录为已发送？</translation>
    </message>
    <message numerus="yes">
        <source>The email draft is open in your mail program. Record version {version} of the minutes as sent now, to %n recipient(s)? You can add the client&apos;s feedback later.</source>
        <translation>
            <numerusform>邮件草稿已在邮件程序中打开。是否将第 {version} 版纪要记为现已发送给 %n 位收件人？客户的反馈可以稍后补充。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in To (no email address): {names}</source>
        <translation>未列入收件人（没有电子邮件地址）：{names}</translation>
    </message>
    <message>
        <source>Not in Cc (no email address): {names}</source>
        <translation>未列入抄送（没有电子邮件地址）：{names}</translation>
    </message>
    <message>
        <source>Not everyone gets the draft</source>
        <translation>有人收不到这封邮件草稿</translation>
    </message>
    <message>
        <source>Write the draft without them? To include them, add their addresses in Stakeholders first.</source>
        <translation>不含这些人，仍然生成草稿吗？如要包含他们，请先在“干系人”中补充其邮件地址。</translation>
    </message>
    <message>
        <source>Record minutes sent</source>
        <translation>记录纪要发送</translation>
    </message>
    <message>
        <source>Delete distribution record</source>
        <translation>删除发送记录</translation>
    </message>
    <message>
        <source>Items to revise → action items</source>
        <translation>需修正项 → 行动项</translation>
    </message>
    <message numerus="yes">
        <source>%n action item(s) added; see the Progress tab.</source>
        <translation>
            <numerusform>已添加 %n 个行动项；请在“进度推进”页签中查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Items to revise → project scope</source>
        <translation>需修正项 → 项目范围</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added to the project scope.</source>
        <translation>
            <numerusform>已向项目范围添加 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a sending of the minutes first.</source>
        <translation>请先选择一条纪要发送记录。</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Attitude observation</source>
        <translation>态度观察</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Cooperation type</source>
        <translation>配合类型</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>（不变）</translation>
    </message>
    <message>
        <source>What you observed</source>
        <translation>观察内容</translation>
    </message>
    <message>
        <source>Internal: kept in the person&apos;s history, never sent to the client.</source>
        <translation>内部：记入此人的评估历史，绝不发送给客户。</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Engagement:</source>
        <translation>态度(&amp;E)：</translation>
    </message>
    <message>
        <source>Cooperation &amp;type:</source>
        <translation>配合类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Observed:</source>
        <translation>观察内容(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>OpenItemsSection</name>
    <message>
        <source>Nothing carried over. A meeting of a series (Series tab) starts with the open items of the earlier ones.</source>
        <translation>没有遗留事项。系列会议（“系列会议”页）会带入此前各次会议的未完成事项。</translation>
    </message>
</context>
<context>
    <name>PassivePage</name>
    <message>
        <source>Written</source>
        <translation>撰写日期</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议方案</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送日期</translation>
    </message>
    <message>
        <source>Lead&apos;s decision</source>
        <translation>负责人决定</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Help action</source>
        <translation>协助事项</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Escalation memos</source>
        <translation>上报备忘录</translation>
    </message>
    <message>
        <source>New memo…</source>
        <translation>新建备忘录…</translation>
    </message>
    <message>
        <source>Lead&apos;s decision…</source>
        <translation>负责人决定…</translation>
    </message>
    <message>
        <source>Send help…</source>
        <translation>派人协助…</translation>
    </message>
    <message>
        <source>Copy memo text</source>
        <translation>复制备忘录正文</translation>
    </message>
    <message>
        <source>Passive: ask the client lead — incentive, replace, help?</source>
        <translation>消极配合者：反馈给客户方项目负责人——激励、换人还是派人协助？</translation>
    </message>
    <message>
        <source>Write escalation memo</source>
        <translation>撰写上报备忘录</translation>
    </message>
    <message>
        <source>Record the lead&apos;s decision</source>
        <translation>记录负责人决定</translation>
    </message>
    <message>
        <source>Add a consultant to the register first.</source>
        <translation>请先在登记表中添加顾问。</translation>
    </message>
    <message>
        <source>Send help</source>
        <translation>派人协助</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The server did not accept the password for {address}. Try again:</source>
        <translation>服务器未接受 {address} 的密码，请重新输入：</translation>
    </message>
    <message>
        <source>The password for {address}:</source>
        <translation>{address} 的密码：</translation>
    </message>
    <message>
        <source>&amp;Remember it in the system keyring</source>
        <translation>保存在系统密钥环中(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>PerPersonSection</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属方</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>最近截止日期</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Each person&apos;s deadlines</source>
        <translation>各人截止日期</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>顺延次数</translation>
    </message>
    <message>
        <source>The person&apos;s open steps</source>
        <translation>此人的未完成步骤</translation>
    </message>
    <message>
        <source>Export this person&apos;s steps…</source>
        <translation>导出此人的步骤…</translation>
    </message>
    <message>
        <source>Their open steps as a small tracker they can update and send back</source>
        <translation>将其未完成步骤导出为小型跟踪表，供对方更新后发回</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <source>Play&amp;book</source>
        <translation>应对方案(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Causes</source>
        <translation>原因(&amp;C)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>评估历史(&amp;Y)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Said</source>
        <translation>发言内容</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>仅限内部</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Notes said</source>
        <translation>发言记录</translation>
    </message>
    <message>
        <source>N&amp;otes said</source>
        <translation>发言记录(&amp;O)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>顺延次数</translation>
    </message>
    <message>
        <source>Actions owned</source>
        <translation>负责的步骤</translation>
    </message>
    <message>
        <source>Actions owne&amp;d</source>
        <translation>负责的步骤(&amp;D)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>New commitment</source>
        <translation>新承诺日期</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>Add follow-up…</source>
        <translation>添加跟进…</translation>
    </message>
    <message>
        <source>Follow-&amp;ups</source>
        <translation>跟进记录(&amp;U)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑{name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Project role</source>
        <translation>项目角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>角色(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>部门(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <source>E&amp;mail, phone:</source>
        <translation>邮箱、电话(&amp;M)：</translation>
    </message>
    <message>
        <source>Internal analysis (never sent to the client)</source>
        <translation>内部分析（绝不发送给客户）</translation>
    </message>
    <message>
        <source>— not assessed —</source>
        <translation>— 未评估 —</translation>
    </message>
    <message>
        <source>Engagement now</source>
        <translation>当前态度</translation>
    </message>
    <message>
        <source>Engagement wanted</source>
        <translation>期望态度</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>关注度</translation>
    </message>
    <message>
        <source>Cooperation type</source>
        <translation>配合类型</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>应对策略</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>Stakeholder register</source>
        <translation>干系人登记表</translation>
    </message>
    <message>
        <source>Source of a changed engagement or type</source>
        <translation>态度或类型变化的信息来源</translation>
    </message>
    <message>
        <source>Why the engagement or type changed</source>
        <translation>态度或类型变化的原因</translation>
    </message>
    <message>
        <source>&amp;Engagement now:</source>
        <translation>当前态度(&amp;E)：</translation>
    </message>
    <message>
        <source>Engagement &amp;wanted:</source>
        <translation>期望态度(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Influence (1–5):</source>
        <translation>影响力（1–5）(&amp;I)：</translation>
    </message>
    <message>
        <source>Inte&amp;rest (1–5):</source>
        <translation>关注度（1–5）(&amp;R)：</translation>
    </message>
    <message>
        <source>Cooperation t&amp;ype:</source>
        <translation>配合类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Common causes:</source>
        <translation>常见原因：</translation>
    </message>
    <message>
        <source>&amp;Causes:</source>
        <translation>原因(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>应对策略(&amp;S)：</translation>
    </message>
    <message>
        <source>Ne&amp;xt action:</source>
        <translation>下一步行动(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Assessment source:</source>
        <translation>评估来源(&amp;A)：</translation>
    </message>
    <message>
        <source>Assessment c&amp;omment:</source>
        <translation>评估说明(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>PlanKickoffDialog</name>
    <message>
        <source>Plan the kickoff</source>
        <translation>安排项目启动会</translation>
    </message>
    <message>
        <source>Creates the kickoff meeting with the method&apos;s four purposes and its before / during / after checklist, due relative to the start.</source>
        <translation>创建项目启动会，包含方法中的四个目的及会前/会中/会后检查清单，各项截止时间以会议开始时间为基准。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Ends at:</source>
        <translation>结束时间(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>地点(&amp;V)：</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
</context>
<context>
    <name>PlaybookPage</name>
    <message>
        <source>Consultants are not classified: their actions and follow-ups are in the other tabs here.</source>
        <translation>顾问方人员不做分类：其负责的步骤和跟进记录见此处的其他页签。</translation>
    </message>
    <message>
        <source>The client lead and the leaders are not classified by cooperation type: track their engagement, influence and interest, and what they value most.</source>
        <translation>客户方项目负责人和领导不按配合类型分类：请跟踪其态度、影响力、关注度以及最看重的成果。</translation>
    </message>
    <message>
        <source>Unclassified. After the first contact, classify them as active, passive or routine; the suggestion on the left is based on their deadlines so far.</source>
        <translation>未分类。首次接触后，请将其归为积极配合者、消极配合者或按部就班者；左侧的建议依据其迄今为止的截止日期完成情况。</translation>
    </message>
</context>
<context>
    <name>PowerGrid</name>
    <message>
        <source>Power/interest grid</source>
        <extracomment>(person id, new influence, new interest): one per drag or key press. A point was selected by mouse or keyboard.</extracomment>
        <translation>影响力/关注度矩阵</translation>
    </message>
    <message>
        <source>Drag a person to change their influence and interest. Keyboard: Page Up and Page Down choose a person, the arrow keys move them.</source>
        <translation>拖动人员可修改其影响力和关注度。键盘操作：Page Up 和 Page Down 选择人员，方向键移动。</translation>
    </message>
    <message>
        <source>Interest →</source>
        <translation>关注度 →</translation>
    </message>
    <message>
        <source>Influence →</source>
        <translation>影响力 →</translation>
    </message>
    <message>
        <source>Lead / leader</source>
        <translation>负责人/领导</translation>
    </message>
    <message>
        <source>{name}: influence {influence}, interest {interest} — {quadrant}</source>
        <translation>{name}：影响力 {influence}，关注度 {interest} — {quadrant}</translation>
    </message>
</context>
<context>
    <name>ProgressSection</name>
    <message>
        <source>Export</source>
        <extracomment>Open written files in their program (tests turn it off).</extracomment>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export not written</source>
        <translation>导出未完成</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Progress summary</source>
        <translation>进度摘要</translation>
    </message>
    <message>
        <source>S&amp;tep plan</source>
        <translation>工作计划(&amp;T)</translation>
    </message>
    <message>
        <source>Each person&apos;s &amp;deadlines</source>
        <translation>各人截止日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Gatekeeper queue</source>
        <translation>待负责人审核(&amp;G)</translation>
    </message>
    <message>
        <source>Lead re&amp;quests</source>
        <translation>负责人意见与问题(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Chase list</source>
        <translation>催办清单(&amp;C)</translation>
    </message>
    <message>
        <source>Status rep&amp;ort</source>
        <translation>进度报告(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <extracomment>Sections that have not shown the plan on screen now (each loads when shown). Sections the summary counts from: always loaded.</extracomment>
        <translation>
            <numerusform>%n 个步骤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 个逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carried over {n}+ times</source>
        <translation>
            <numerusform>%n 个顺延 {n} 次及以上</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting the lead&apos;s review</source>
        <translation>
            <numerusform>%n 项待负责人审核</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open lead request(s)</source>
        <translation>
            <numerusform>%n 条负责人意见/问题待解决</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to chase</source>
        <translation>
            <numerusform>%n 项待催办</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>No fixed day (a week after the last report)</source>
        <extracomment>What OK changed in an existing project (the window makes it an undo step).</extracomment>
        <translation>不固定（距上次报告一周）</translation>
    </message>
    <message>
        <source>One item per line: what the project will do</source>
        <translation>每行一项：项目要做的内容</translation>
    </message>
    <message>
        <source>One item per line: what it will not do</source>
        <translation>每行一项：项目不做的内容</translation>
    </message>
    <message>
        <source>One outcome or deliverable per line</source>
        <translation>每行一个成果或交付物</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>项目名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>编号(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Documents in:</source>
        <translation>文档语言(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Re&amp;porting day:</source>
        <translation>汇报日(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;tart date:</source>
        <translation>开始日期(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>结束日期(&amp;E)：</translation>
    </message>
    <message>
        <source>Desc&amp;ription:</source>
        <translation>描述(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;In scope:</source>
        <translation>范围内(&amp;I)：</translation>
    </message>
    <message>
        <source>Out o&amp;f scope:</source>
        <translation>范围外(&amp;F)：</translation>
    </message>
    <message>
        <source>O&amp;utcomes / deliverables:</source>
        <translation>成果 / 交付物(&amp;U)：</translation>
    </message>
    <message>
        <source>Please give the project a name.</source>
        <translation>请填写项目名称。</translation>
    </message>
</context>
<context>
    <name>PurposesSection</name>
    <message>
        <source>Link notes…</source>
        <extracomment>The purpose the evidence pane was opened for: edits there go to it.</extracomment>
        <translation>关联会议记录…</translation>
    </message>
    <message>
        <source>Unlink note</source>
        <translation>取消关联记录</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>State</source>
        <translation>达成情况</translation>
    </message>
    <message>
        <source>Change purpose state</source>
        <translation>修改目的达成情况</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Edit purpose evidence</source>
        <translation>编辑目的达成依据</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>仅限内部</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Kickoff purposes</source>
        <translation>启动会目的</translation>
    </message>
    <message>
        <source>Evidence for the selected purpose</source>
        <translation>所选目的的达成依据</translation>
    </message>
    <message>
        <source>What shows this purpose is met (saved when you leave the box, or Ctrl+Enter)</source>
        <translation>哪些情况表明此目的已达成（离开输入框或按 Ctrl+Enter 时保存）</translation>
    </message>
    <message>
        <source>Notes linked as evidence</source>
        <translation>作为依据关联的会议记录</translation>
    </message>
    <message>
        <source>Evidence: select a purpose above</source>
        <translation>达成依据：请在上方选择一个目的</translation>
    </message>
    <message>
        <source>Evidence for: {purpose}</source>
        <translation>达成依据：{purpose}</translation>
    </message>
    <message>
        <source>restored what you typed and had not saved; leave the box to save it</source>
        <translation>已恢复您输入但未保存的内容；离开输入框即可保存</translation>
    </message>
    <message>
        <source>(no speaker)</source>
        <translation>（无发言人）</translation>
    </message>
    <message>
        <source>[internal]</source>
        <translation>[仅限内部]</translation>
    </message>
    <message>
        <source>Link evidence notes</source>
        <translation>关联依据记录</translation>
    </message>
    <message>
        <source>Unlink evidence note</source>
        <translation>取消关联依据记录</translation>
    </message>
</context>
<context>
    <name>RegisterSection</name>
    <message>
        <source>Stakeholder register</source>
        <extracomment>The person of the new current row (None when no row is current). The rows shown changed by a filter (the grid shows the same people).</extracomment>
        <translation>干系人登记表</translation>
    </message>
    <message>
        <source>Search name, unit, title, role…</source>
        <translation>搜索姓名、部门、职务、角色…</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>搜索干系人登记表</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属方</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>双方</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>Cooperation type</source>
        <translation>配合类型</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Engagement now</source>
        <translation>当前态度</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Any engagement</source>
        <translation>全部态度</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a person to the register</source>
        <translation>向登记表添加人员</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the register and its history (.xlsx, internal)</source>
        <translation>导出登记表及其历史记录（.xlsx，仅限内部）</translation>
    </message>
    <message>
        <source>Stakeholder register (internal)…</source>
        <translation>干系人登记表（仅限内部）…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>More senior: listed earlier in client documents</source>
        <translation>职级更高：在客户文件中排在前面</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Less senior: listed later in client documents</source>
        <translation>职级较低：在客户文件中排在后面</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Rename person</source>
        <translation>修改姓名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Change engagement</source>
        <translation>修改当前态度</translation>
    </message>
    <message>
        <source>Engagement wanted</source>
        <translation>期望态度</translation>
    </message>
    <message>
        <source>Change desired engagement</source>
        <translation>修改期望态度</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Change influence</source>
        <translation>修改影响力</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>关注度</translation>
    </message>
    <message>
        <source>Change interest</source>
        <translation>修改关注度</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议类型</translation>
    </message>
    <message>
        <source>Change cooperation type</source>
        <translation>修改配合类型</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>Right-click to show or hide columns</source>
        <translation>右键单击可显示或隐藏列</translation>
    </message>
    <message>
        <source>Filter by {what}</source>
        <translation>按{what}筛选</translation>
    </message>
    <message>
        <source>(too few deadlines)</source>
        <translation>（截止日期记录不足）</translation>
    </message>
    <message>
        <source>{on_time} of {judged} deadlines on time · {late} late · {overdue} overdue</source>
        <translation>{judged} 个截止日期中 {on_time} 个按时完成 · {late} 个延迟完成 · {overdue} 个逾期</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加{name}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑{name}</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Remove {name} with their assessments, memos, coaching and follow-ups? Their notes and actions stay, without a name. Edit → Undo brings everything back.</source>
        <translation>删除{name}及其评估、备忘录、辅导和跟进记录？其会议记录和步骤将保留，但不再显示姓名。可通过“编辑 → 撤销”全部恢复。</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>删除{name}</translation>
    </message>
    <message>
        <source>Move {name} up</source>
        <translation>上移{name}</translation>
    </message>
    <message>
        <source>Move {name} down</source>
        <translation>下移{name}</translation>
    </message>
    <message>
        <source>{project} - stakeholder register (internal)</source>
        <translation>{project} - 干系人登记表（仅限内部）</translation>
    </message>
</context>
<context>
    <name>ReportSection</name>
    <message>
        <source>Period from</source>
        <extracomment>Text being typed in the report is saved this long after the last keystroke.</extracomment>
        <translation>报告期起始日期</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>报告期截止日期</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>从(&amp;M)：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Prefill from the pla&amp;n</source>
        <translation>根据计划预填(&amp;N)</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>导出报告(&amp;X)…</translation>
    </message>
    <message>
        <source>Follow-&amp;ups for late people…</source>
        <translation>私下跟进延期人员(&amp;U)…</translation>
    </message>
    <message>
        <source>Internal: one private follow-up per late person (records and a .docx)</source>
        <translation>内部：为每位延期人员生成一条私下跟进（跟进记录及 .docx 文档）</translation>
    </message>
    <message>
        <source>Status &amp;report (client, .docx)…</source>
        <translation>进度报告（客户版，.docx）(&amp;R)…</translation>
    </message>
    <message>
        <source>Refresh from the plan</source>
        <translation>根据计划刷新</translation>
    </message>
    <message>
        <source>Parts you did not edit are rewritten; for edited parts you are asked</source>
        <translation>未改动的部分直接重写；已改动的部分会先询问您</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>现状(&amp;A)：</translation>
    </message>
    <message>
        <source>Pro&amp;blems:</source>
        <translation>问题(&amp;B)：</translation>
    </message>
    <message>
        <source>Help needed:</source>
        <translation>需要的协助：</translation>
    </message>
    <message>
        <source>Pra&amp;ise:</source>
        <translation>表扬(&amp;I)：</translation>
    </message>
    <message>
        <source>Report check</source>
        <translation>报告检查</translation>
    </message>
    <message>
        <source>Late step</source>
        <translation>延期步骤</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Next step (in the report, no names)</source>
        <translation>下一步安排（写入报告，不点名）</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步安排</translation>
    </message>
    <message>
        <source>Late steps</source>
        <translation>延期步骤</translation>
    </message>
    <message>
        <source>Prefill the report</source>
        <extracomment>The text from the plan that the texts shown were written from. The text the plan gives now, when it differs from the basis.</extracomment>
        <translation>预填报告</translation>
    </message>
    <message>
        <source>Replace the text you wrote with the text from the plan?</source>
        <translation>用根据计划生成的内容替换您已填写的内容？</translation>
    </message>
    <message>
        <source>Refresh the report</source>
        <translation>刷新报告</translation>
    </message>
    <message>
        <source>You edited “{part}” and the plan changed since. Replace your text with the text from the plan? No keeps your text as it is.</source>
        <translation>您修改过“{part}”，之后计划又有变化。是否用根据计划生成的文字替换您的文字？选“否”则保留您的文字不变。</translation>
    </message>
    <message>
        <source>Choose a period that ends on or after its start.</source>
        <translation>请选择截止日期不早于起始日期的报告期。</translation>
    </message>
    <message>
        <source>Cannot export: the report names people who are late in this period: {where}. Praise in public, follow up in private: state the next step instead of the name.</source>
        <translation>无法导出：报告中点名了本期延期的人员：{where}。公开表扬，私下跟进：请写明下一步安排，不要写姓名。</translation>
    </message>
    <message>
        <source>Ready: no late person is named.</source>
        <translation>可以导出：报告未点名延期人员。</translation>
    </message>
    <message numerus="yes">
        <source>%n late step(s) have no next step yet (the report says it is being agreed): fill it in on the right.</source>
        <translation>
            <numerusform>%n 个延期步骤尚无下一步安排（报告中将注明正在商定）：请在右侧填写。</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan changed since this text was written ({parts}): refresh it from the plan before exporting.</source>
        <translation>撰写此文字后计划已有变化（{parts}）：请先根据计划刷新再导出。</translation>
    </message>
    <message>
        <source>Status report</source>
        <translation>进度报告</translation>
    </message>
    <message>
        <source>The plan changed since the report text was written: refresh it.</source>
        <translation>撰写报告文字后计划已有变化：请先刷新。</translation>
    </message>
    <message>
        <source>{project} status report {date}</source>
        <translation>{project} 进度报告 {date}</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Follow-ups for late people</source>
        <translation>私下跟进延期人员</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Edit request</source>
        <translation>编辑意见/问题</translation>
    </message>
    <message>
        <source>Add request</source>
        <translation>添加意见/问题</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>意见/问题(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Raised &amp;on:</source>
        <translation>提出日期(&amp;O)：</translation>
    </message>
    <message>
        <source>Raised &amp;by:</source>
        <translation>提出人(&amp;B)：</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>责任人(&amp;W)：</translation>
    </message>
    <message>
        <source>R&amp;esolution:</source>
        <translation>处理结果(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Edit review</source>
        <translation>编辑审核项</translation>
    </message>
    <message>
        <source>Add review</source>
        <translation>添加审核项</translation>
    </message>
    <message>
        <source>&amp;Milestone or deliverable:</source>
        <translation>里程碑/交付成果(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reviewer:</source>
        <translation>审核人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>审核意见(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>RoutinePage</name>
    <message>
        <source>One-on-one coaching plan</source>
        <translation>一对一辅导计划</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>沟通日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Coaching log</source>
        <translation>辅导记录</translation>
    </message>
    <message>
        <source>Plan a talk…</source>
        <translation>安排沟通…</translation>
    </message>
    <message>
        <source>Edit talk…</source>
        <translation>编辑沟通…</translation>
    </message>
    <message>
        <source>Delete talk</source>
        <translation>删除沟通</translation>
    </message>
    <message>
        <source>Routine: one-on-one talks toward active</source>
        <translation>按部就班者：通过一对一沟通引导其积极配合</translation>
    </message>
    <message>
        <source>Coaching plan:</source>
        <translation>辅导计划：</translation>
    </message>
    <message>
        <source>One-on-one talks:</source>
        <translation>一对一沟通：</translation>
    </message>
    <message>
        <source>Edit coaching plan</source>
        <translation>编辑辅导计划</translation>
    </message>
    <message>
        <source>Plan a talk</source>
        <translation>安排沟通</translation>
    </message>
    <message>
        <source>One-on-one with {name}</source>
        <translation>与{name}一对一沟通</translation>
    </message>
    <message>
        <source>Edit talk</source>
        <translation>编辑沟通</translation>
    </message>
</context>
<context>
    <name>SavedCommand</name>
    <message>
        <source>Nothing was undone: “{step}” would change a {kind} that was changed outside pmdesk since (by another program, or a restored backup). It was left as it is.</source>
        <extracomment>Where the step was taken (the Edit menu shows it, undo goes back there).</extracomment>
        <translation>未撤销：“{step}”要改动的{kind}此后已在 pmdesk 之外被改动（其他程序，或恢复了备份），已保持原样。</translation>
    </message>
    <message>
        <source>Nothing was redone: “{step}” would change a {kind} that was changed outside pmdesk since (by another program, or a restored backup). It was left as it is.</source>
        <translation>未重做：“{step}”要改动的{kind}此后已在 pmdesk 之外被改动（其他程序，或恢复了备份），已保持原样。</translation>
    </message>
    <message>
        <source>note</source>
        <extracomment>Asked when someone else changed the record first: True saves over their change, False keeps theirs (the views reload to show it). Without it, the conflict is reported and theirs kept. (Looked up when needed: a bound method kept here would make a cycle, and the stack would be freed by the collector.) The Edit menu&apos;s Undo and Redo (set by the main window): steps remember their place through it.</extracomment>
        <translation>记录</translation>
    </message>
    <message>
        <source>step</source>
        <translation>工作事项</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation>参会人</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search</source>
        <extracomment>The user chose a hit to open.</extracomment>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Words in notes, decisions, meetings, actions, people…</source>
        <translation>在记录、决策、会议、待办、人员中查找…</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>&amp;All projects</source>
        <translation>所有项目(&amp;A)</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>议程事项</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>私下跟进</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
</context>
<context>
    <name>SendHelpDialog</name>
    <message>
        <source>Send help</source>
        <translation>派人协助</translation>
    </message>
    <message>
        <source>Consultant who helps</source>
        <translation>提供协助的顾问</translation>
    </message>
    <message>
        <source>Help action</source>
        <translation>协助事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>&amp;Consultant:</source>
        <translation>顾问(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>协助事项(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>SeriesTab</name>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>&amp;Start a series</source>
        <translation>设为系列会议(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Plan next meeting</source>
        <translation>安排下次会议(&amp;P)</translation>
    </message>
    <message>
        <source>Take over &amp;open items</source>
        <translation>带入遗留事项(&amp;O)</translation>
    </message>
    <message>
        <source>I&amp;nvite (.ics)…</source>
        <translation>会议邀请（.ics）(&amp;N)…</translation>
    </message>
    <message>
        <source>Start &amp;timer</source>
        <translation>开始计时(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>会议(&amp;M)：</translation>
    </message>
    <message>
        <source>Review of open items</source>
        <translation>遗留事项回顾</translation>
    </message>
    <message>
        <source>Minutes and the client&apos;s approval</source>
        <translation>会议纪要及客户确认</translation>
    </message>
    <message>
        <source>Minutes overdue: %1 (due %2)</source>
        <translation>纪要已逾期：%1（应于 %2 前发出）</translation>
    </message>
    <message>
        <source>Minutes due: %1 (by %2)</source>
        <translation>待发纪要：%1（%2 前）</translation>
    </message>
    <message>
        <source>No minutes due.</source>
        <translation>没有待发的会议纪要。</translation>
    </message>
    <message>
        <source>Series: %1 · %2 · %3 meeting(s)</source>
        <translation>系列：%1 · %2 · 共 %3 次会议</translation>
    </message>
    <message>
        <source>This meeting is not part of a series.</source>
        <translation>本次会议不属于任何系列。</translation>
    </message>
    <message>
        <source>Start a series</source>
        <translation>设为系列会议</translation>
    </message>
    <message>
        <source>Plan next meeting</source>
        <translation>安排下次会议</translation>
    </message>
    <message>
        <source>When (YYYY-MM-DD HH:MM):</source>
        <translation>时间（YYYY-MM-DD HH:MM）：</translation>
    </message>
    <message>
        <source>Write the time as YYYY-MM-DD HH:MM.</source>
        <translation>请按 YYYY-MM-DD HH:MM 填写时间。</translation>
    </message>
    <message>
        <source>Take over open items</source>
        <translation>带入遗留事项</translation>
    </message>
</context>
<context>
    <name>ServerAddressDialog</name>
    <message>
        <source>Open team database</source>
        <translation>打开团队数据库</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>The address your administrator gave you: your own database role, the server and the database. You see the projects you are a member of.</source>
        <translation>请填写管理员提供的地址：您本人的数据库角色、服务器和数据库。您只能看到自己参与的项目。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>任何位置</translation>
    </message>
    <message>
        <source>Kickoff</source>
        <translation>启动会</translation>
    </message>
    <message>
        <source>Live meeting</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Undo (says what it undid)</source>
        <translation>撤销（说明撤销了什么）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+带下划线的字母</translation>
    </message>
    <message>
        <source>Go to that tab, menu or field</source>
        <translation>转到该标签页、菜单或字段</translation>
    </message>
    <message>
        <source>Add a row (attendee, agenda item, step…)</source>
        <translation>添加一行（参会人、议程项、步骤…）</translation>
    </message>
    <message>
        <source>Remove the current row (undo puts it back)</source>
        <translation>删除当前行（撤销可恢复）</translation>
    </message>
    <message>
        <source>Edit the current row in its form</source>
        <translation>在表单中编辑当前行</translation>
    </message>
    <message>
        <source>Move the row</source>
        <translation>移动该行</translation>
    </message>
    <message>
        <source>Edit the current cell</source>
        <translation>编辑当前单元格</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <source>Tick a checklist step</source>
        <translation>勾选清单步骤</translation>
    </message>
    <message>
        <source>Save the evidence being typed</source>
        <translation>保存正在输入的依据</translation>
    </message>
    <message>
        <source>Open a date&apos;s calendar</source>
        <translation>打开日期的日历</translation>
    </message>
    <message>
        <source>Choose the speaker</source>
        <translation>选择发言人</translation>
    </message>
    <message>
        <source>Previous / next agenda item</source>
        <translation>上一个 / 下一个议程项</translation>
    </message>
    <message>
        <source>Internal note: never in client files</source>
        <translation>内部记录：不会出现在客户文件中</translation>
    </message>
    <message>
        <source>Mark the person attended</source>
        <translation>标记此人已出席</translation>
    </message>
    <message>
        <source>Start / stop the meeting clock</source>
        <translation>开始 / 停止会议计时</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Note kind: {kind}</source>
        <translation>记录类型：{kind}</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>暂缓至</translation>
    </message>
    <message>
        <source>Snooze &amp;until:</source>
        <translation>暂缓至(&amp;U)：</translation>
    </message>
    <message>
        <source>Choose a date after today.</source>
        <translation>请选择今天之后的日期。</translation>
    </message>
</context>
<context>
    <name>SpeakersSection</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>发言内容</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>仅限内部</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>Everything the speaker said</source>
        <translation>该发言人的全部发言</translation>
    </message>
    <message>
        <source>Select a speaker to see everything they said.</source>
        <translation>选择一位发言人，查看其全部发言。</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>无发言人</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n note(s), in order</source>
        <translation>
            <numerusform>{name}：共 %n 条记录，按时间顺序</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StakeholdersTab</name>
    <message>
        <source>Internal analysis: for the consultant team only, never sent to the client.</source>
        <translation>内部分析：仅供顾问组内部使用，不得发送给客户。</translation>
    </message>
    <message>
        <source>Power/interest &amp;grid</source>
        <translation>影响力/关注度矩阵(&amp;G)</translation>
    </message>
    <message>
        <source>Engagement ma&amp;trix</source>
        <translation>态度矩阵(&amp;T)</translation>
    </message>
    <message>
        <source>Follo&amp;w-up log</source>
        <translation>跟进记录(&amp;W)</translation>
    </message>
    <message>
        <source>Select a person to see their analysis and history.</source>
        <translation>选择一位人员，查看其分析和历史记录。</translation>
    </message>
    <message>
        <source>{role} · {name}</source>
        <translation>{role} · {name}</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>干系人登记表</translation>
    </message>
</context>
<context>
    <name>StepsSection</name>
    <message>
        <source>Show the steps of</source>
        <translation>按责任人显示步骤</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>责任人(&amp;W)：</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Edit step</source>
        <translation>编辑步骤</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>修改责任人</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Change start date</source>
        <translation>修改开始日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Change due date</source>
        <translation>修改截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Change completion date</source>
        <translation>修改完成日期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Change priority</source>
        <translation>修改优先级</translation>
    </message>
    <message>
        <source>Client help</source>
        <translation>需客户协助</translation>
    </message>
    <message>
        <source>Change client help</source>
        <translation>修改是否需客户协助</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>顺延次数</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步安排</translation>
    </message>
    <message>
        <source>Client comment</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>Notes (internal)</source>
        <translation>备注（内部）</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Step plan</source>
        <translation>工作计划</translation>
    </message>
    <message>
        <source>&amp;Add step…</source>
        <translation>添加步骤(&amp;A)…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Roll over ope&amp;n items</source>
        <translation>顺延未完成事项(&amp;N)</translation>
    </message>
    <message>
        <source>After a progress meeting: every open step past its due date is carried over once more; at {n} carry-overs it is flagged.</source>
        <translation>进度例会后使用：每个已过截止日期的未完成步骤再顺延一次；顺延达 {n} 次时标记提醒。</translation>
    </message>
    <message>
        <source>I&amp;mport tracker…</source>
        <translation>导入跟踪表(&amp;M)…</translation>
    </message>
    <message>
        <source>E&amp;xport tracker…</source>
        <translation>导出跟踪表(&amp;X)…</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Action &amp;tracker (client, .xlsx)…</source>
        <translation>行动跟踪表（客户版，.xlsx）(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import edited tracker…</source>
        <translation>导入客户更新的跟踪表(&amp;I)…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Carried over {n} times: raise it with the client lead.</source>
        <translation>已顺延 {n} 次：请与客户方项目负责人沟通。</translation>
    </message>
    <message>
        <source>Overdue since {date}</source>
        <translation>自 {date} 起逾期</translation>
    </message>
    <message>
        <source>Change step status</source>
        <translation>修改步骤状态</translation>
    </message>
    <message>
        <source>Roll over</source>
        <translation>顺延</translation>
    </message>
    <message>
        <source>No open step is past its due date.</source>
        <translation>没有已过截止日期的未完成步骤。</translation>
    </message>
    <message>
        <source>Roll over open items</source>
        <translation>顺延未完成事项</translation>
    </message>
    <message numerus="yes">
        <source>After the progress meeting, count one more carry-over for the %n open step(s) past their due date? Steps carried over {flag} times are flagged.</source>
        <translation>
            <numerusform>进度例会后，是否为 %n 个已过截止日期的未完成步骤各记一次顺延？顺延达 {flag} 次的步骤将被标记提醒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import tracker</source>
        <translation>导入跟踪表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Tracker not imported</source>
        <translation>跟踪表未导入</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <source>hh:mm</source>
        <translation>时:分</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>When</source>
        <extracomment>Rows whose widths the columns are fitted to (the first ones: the most urgent).</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Gatekeeper: report to the client lead</source>
        <translation>把关者：主动向客户负责人汇报</translation>
    </message>
    <message>
        <source>Chase the client&apos;s help</source>
        <translation>催促客户协助</translation>
    </message>
    <message>
        <source>Follow up in private</source>
        <translation>私下跟进</translation>
    </message>
    <message>
        <source>Praise in public</source>
        <translation>公开表扬</translation>
    </message>
    <message>
        <source>Guide each cooperation type</source>
        <translation>分类引导配合人员</translation>
    </message>
    <message>
        <source>Kickoff and meetings</source>
        <translation>启动会与会议</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>Why it is due</source>
        <extracomment>Off screen, the counts are recomputed this long after the last change (an edit, an undo…), so a burst of them costs one computation. (overdue, due today) after every reload, for the tab&apos;s title. The user asked to do an item: the window opens its flow.</extracomment>
        <translation>到期原因</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <source>%1 overdue · %2 today · %3 this week</source>
        <translation>逾期 %1 · 今日 %2 · 本周 %3</translation>
    </message>
    <message>
        <source>Nothing is due: the method&apos;s daily push is done for today.</source>
        <translation>没有到期事项：今天的日常推进已完成。</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today&apos;s items</source>
        <translation>今日事项</translation>
    </message>
</context>
<context>
    <name>TrackerImportDialog</name>
    <message>
        <source>Import tracker</source>
        <translation>导入跟踪表</translation>
    </message>
    <message>
        <source>{file} — changes from the client: {changes}; conflicts: {conflicts}; new steps: {new}. Nothing is saved until you apply; Edit → Undo takes the whole import back.</source>
        <translation>{file}——客户修改：{changes} 处；冲突：{conflicts} 处；新增工作事项：{new} 个。点击应用之前不会保存任何内容；“编辑 → 撤销”可撤回整个导入。</translation>
    </message>
    <message>
        <source>Changes in the tracker</source>
        <translation>跟踪表中的变更</translation>
    </message>
    <message>
        <source>No changes to import.</source>
        <translation>没有可导入的变更。</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>&amp;Conflicts: the client and pmdesk both changed these cells since the export. pmdesk&apos;s value stays unless you tick “Take the client&apos;s”.</source>
        <translation>冲突(&amp;C)：导出后客户和 pmdesk 都修改了这些单元格。除非勾选“采用客户的值”，否则保留 pmdesk 的值。</translation>
    </message>
    <message>
        <source>&amp;Apply all changes</source>
        <translation>应用全部变更(&amp;A)</translation>
    </message>
</context>
<context>
    <name>UndoMenu</name>
    <message>
        <source>&amp;Undo</source>
        <extracomment>Did the last undo or redo change nothing (a conflict, a replaced row)? Set by the commands (ui.undo), which report why.</extracomment>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>撤销(&amp;U) {step}</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>重做(&amp;R) {step}</translation>
    </message>
    <message>
        <source>Undid: {step}</source>
        <translation>已撤销：{step}</translation>
    </message>
    <message>
        <source>Redid: {step}</source>
        <translation>已重做：{step}</translation>
    </message>
</context>
<context>
    <name>ValuedOutcomeDialog</name>
    <message>
        <source>Valued outcome</source>
        <translation>看重的成果</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>after the others</source>
        <translation>排在其他之后</translation>
    </message>
    <message>
        <source>Rank (1 = valued most)</source>
        <translation>排序（1 = 最看重）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Link the selected &amp;note as evidence</source>
        <translation>将所选记录关联为依据(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Leader:</source>
        <translation>领导(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>成果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Rank:</source>
        <translation>排序(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>依据(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>{problem}

Restore the latest backup, {backup}? The damaged file is kept beside it, renamed.</source>
        <translation>{problem}

是否恢复最新的备份 {backup}？损坏的文件会改名后保留在同一文件夹中。</translation>
    </message>
    <message>
        <source>The latest backup was restored; the damaged file is kept beside it.</source>
        <translation>已恢复最新的备份；损坏的文件保留在它旁边。</translation>
    </message>
    <message>
        <source>{path} is damaged: no backup is made of it until a backup is restored.</source>
        <translation>{path} 已损坏：在恢复备份之前，不会再为它做备份。</translation>
    </message>
    <message>
        <source>The start backup failed: {problem}</source>
        <translation>启动时的备份失败：{problem}</translation>
    </message>
    <message>
        <source>Database on a network drive</source>
        <translation>数据库位于网络驱动器上</translation>
    </message>
    <message>
        <source>{path} is on a network drive. pmdesk works there more slowly and safely, but two people must never open it at the same time; keep your database on this computer, or use a team server.</source>
        <translation>{path} 位于网络驱动器上。pmdesk 会以较慢但更稳妥的方式在此运行，但绝不能两人同时打开；请将数据库保存在本机，或使用团队服务器。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies after pmdesk restarts. Restart now?</source>
        <translation>新语言将在 pmdesk 重启后生效。是否立即重启？</translation>
    </message>
    <message>
        <source>Something went wrong. Your saved data is safe; the details are below and in the log in {folder}.</source>
        <translation>出现错误。已保存的数据安然无恙；详细信息见下方，以及 {folder} 中的日志。</translation>
    </message>
</context>
<context>
    <name>autosave</name>
    <message>
        <source>Restored what you typed here before pmdesk closed unexpectedly.</source>
        <extracomment>A draft is written this long after the first change since the last write, however steadily the typing goes on: so at most this long after the last key, and at least this often while typing continues (&quot;nothing typed is lost but the last second&quot;; a timer restarted on every key never fires for someone typing without a pause).</extracomment>
        <translation>已恢复 pmdesk 意外关闭前您在此输入的内容。</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Calendar invitations (*.ics)</source>
        <translation>日历邀请 (*.ics)</translation>
    </message>
    <message>
        <source>Email drafts (*.eml)</source>
        <translation>邮件草稿 (*.eml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose another folder to save it in?</source>
        <translation>选择另一个文件夹来保存吗？</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Export not written</source>
        <extracomment>How long the &quot;exported to …&quot; notice stays in the status bar.</extracomment>
        <translation>导出未完成</translation>
    </message>
    <message>
        <source>Save as {name} instead?</source>
        <translation>改为另存为 {name}？</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Action item</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议程项</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>周期结束</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>周期开始</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Planned on</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>汇报人</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>发送日期</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属方</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>minutes</name>
    <message>
        <source>Not decided yet</source>
        <extracomment>The revision decision as stored (None = not decided yet).</extracomment>
        <translation>尚未决定</translation>
    </message>
    <message>
        <source>Yes: revise</source>
        <translation>是：需修正</translation>
    </message>
    <message>
        <source>No revision</source>
        <translation>无需修正</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>cannot be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>not one of the allowed values</source>
        <translation>不是允许的取值</translation>
    </message>
    <message>
        <source>not in this project</source>
        <translation>不属于本项目</translation>
    </message>
    <message>
        <source>not a person of this project</source>
        <translation>不是本项目的人员</translation>
    </message>
    <message>
        <source>not an email address</source>
        <translation>不是有效的邮箱地址</translation>
    </message>
    <message>
        <source>must be between 1 and 5</source>
        <translation>必须在 1 到 5 之间</translation>
    </message>
    <message>
        <source>the meeting cannot end before it starts</source>
        <translation>会议结束时间不能早于开始时间</translation>
    </message>
    <message>
        <source>a meeting is at most one day long</source>
        <translation>会议最长为一天</translation>
    </message>
    <message>
        <source>the due date cannot be before the start</source>
        <translation>截止日期不能早于开始日期</translation>
    </message>
    <message>
        <source>the period cannot end before it starts</source>
        <translation>周期结束不能早于开始</translation>
    </message>
    <message>
        <source>this project already has a kickoff meeting</source>
        <translation>本项目已有启动会</translation>
    </message>
    <message>
        <source>a person needs a name</source>
        <translation>人员需要姓名</translation>
    </message>
    <message>
        <source>an action item needs a title</source>
        <translation>待办事项需要标题</translation>
    </message>
    <message>
        <source>choose at least one person</source>
        <translation>请至少选择一人</translation>
    </message>
    <message>
        <source>a step is due either relative to the start or at a time</source>
        <translation>步骤的截止要么相对开始时间，要么是固定时间</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>checklist step</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>会议目的</translation>
    </message>
    <message>
        <source>request</source>
        <translation>意见/问题</translation>
    </message>
    <message>
        <source>review</source>
        <translation>审核项</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>{who} changed this {kind} at {time}, after you opened it.</source>
        <translation>在您打开此{kind}之后，{who} 于 {time} 修改了它。</translation>
    </message>
    <message>
        <source>{who} changed this {kind} after you opened it.</source>
        <translation>在您打开此{kind}之后，{who} 修改了它。</translation>
    </message>
    <message>
        <source>Changed by a colleague</source>
        <translation>同事已修改</translation>
    </message>
    <message>
        <source>Show theirs: your change is not saved and you see their version.
Save mine: your change replaces theirs.</source>
        <translation>查看对方版本：不保存您的修改，显示对方的版本。
保存我的：用您的修改替换对方的修改。</translation>
    </message>
    <message>
        <source>Show &amp;theirs</source>
        <translation>查看对方版本(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save mine</source>
        <translation>保存我的(&amp;S)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>This computer has no system keyring that pmdesk can use, so the password was not kept; pmdesk asks for it next time.</source>
        <translation>此电脑没有 pmdesk 可用的系统密钥环，因此未保存密码；下次打开时 pmdesk 会再次询问。</translation>
    </message>
</context>
</TS>
