<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to pmdesk</source>
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
    <name>KickoffTab</name>
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
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>汇报人</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
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
        <source>Client&apos;s additions</source>
        <translation>客户补充意见</translation>
    </message>
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
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>变更项</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Kickoff purposes</source>
        <translation>启动会目的</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>会议材料</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Re-confirmation changes</source>
        <translation>再次确认的变更</translation>
    </message>
    <message>
        <source>The four purposes</source>
        <translation>启动会的四个目的</translation>
    </message>
    <message>
        <source>Attendees and division of labour</source>
        <translation>参会人员与分工配合</translation>
    </message>
    <message>
        <source>Checklist: before, during, after</source>
        <translation>检查清单：会前、会中、会后</translation>
    </message>
    <message>
        <source>Re-confirmation change log</source>
        <translation>再次确认变更记录</translation>
    </message>
    <message>
        <source>This project has no kickoff meeting yet.</source>
        <translation>此项目尚未安排项目启动会。</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>当前未打开任何项目。</translation>
    </message>
    <message>
        <source>time not set</source>
        <translation>时间未定</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; · {when} · {venue} · &lt;i&gt;{status}&lt;/i&gt;</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; · {when} · {venue} · &lt;i&gt;{status}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>venue not set</source>
        <translation>地点未定</translation>
    </message>
    <message>
        <source>Agenda: {total} of {length} minutes</source>
        <translation>议程：共 {total} 分钟（会议时长 {length} 分钟）</translation>
    </message>
    <message>
        <source>over the meeting&apos;s length</source>
        <translation>超出会议时长</translation>
    </message>
    <message>
        <source>Agenda: {total} minutes</source>
        <translation>议程：共 {total} 分钟</translation>
    </message>
    <message>
        <source>Tick checklist step</source>
        <translation>勾选检查项</translation>
    </message>
    <message>
        <source>Untick checklist step</source>
        <translation>取消勾选检查项</translation>
    </message>
</context>
<context>
    <name>LiveMeetingTab</name>
    <message>
        <source>Meeting</source>
        <extracomment>Speakers 1–9 and 0 get a key each during capture.</extracomment>
        <translation>会议</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>会议(&amp;M)：</translation>
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
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>Note</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Attendees (speaker keys)</source>
        <translation>参会人员（发言人快捷键）</translation>
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
        <extracomment>Emitted after every saved change, undo and redo; tabs refresh what it touches. The user chose another UI language (applied after a restart).</extracomment>
        <translation>pmdesk</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
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
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;database…</source>
        <translation>新建数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
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
        <source>No projects yet: File → New project.</source>
        <translation>还没有项目：请选择“文件 → 新建项目”。</translation>
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
        <source>The database file this window shows</source>
        <translation>本窗口显示的数据库文件</translation>
    </message>
    <message>
        <source>pmdesk — {name}</source>
        <translation>pmdesk — {name}</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
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
    <message>
        <source>&lt;h3&gt;pmdesk {version}&lt;/h3&gt;&lt;p&gt;The client communication desk for consulting project managers: prepare the kickoff, capture what every client leader says, analyse the client&apos;s people and push progress with the client lead as gatekeeper.&lt;/p&gt;&lt;p&gt;Built with Qt for Python (PySide6), licensed under the LGPL v3: you may replace the PySide6 and Qt libraries in the installed folder with your own compatible build.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;pmdesk {version}&lt;/h3&gt;&lt;p&gt;面向咨询项目经理的客户沟通工作台：筹备项目启动会，记录每位客户领导的发言，分析客户方人员，并以客户方项目负责人为把关者推进项目进度。&lt;/p&gt;&lt;p&gt;基于 Qt for Python (PySide6) 构建，采用 LGPL v3 许可：您可以用自行构建的兼容版本替换安装目录中的 PySide6 和 Qt 库。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Client organisation</source>
        <translation>客户单位</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Language of client documents</source>
        <translation>客户文档语言</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
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
        <source>Please give the project a name.</source>
        <translation>请填写项目名称。</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Show the steps of</source>
        <extracomment>Open items carried over this many times are flagged (METHOD.md: plan every deadline).</extracomment>
        <translation>按责任人显示步骤</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>责任人(&amp;O)：</translation>
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
        <source>Start</source>
        <translation>开始日期</translation>
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
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Client help</source>
        <translation>需客户协助</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>顺延次数</translation>
    </message>
    <message>
        <source>Step plan</source>
        <translation>工作计划</translation>
    </message>
    <message>
        <source>Milestone or deliverable</source>
        <translation>里程碑/交付成果</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>Change review state</source>
        <translation>修改审核状态</translation>
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
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>意见/问题</translation>
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
        <source>{steps} steps · {overdue} overdue · {waiting} awaiting the lead&apos;s review</source>
        <translation>{steps} 个步骤 · {overdue} 个逾期 · {waiting} 个待负责人审核</translation>
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
        <source>Change step status</source>
        <translation>修改步骤状态</translation>
    </message>
</context>
<context>
    <name>StakeholdersTab</name>
    <message>
        <source>Internal analysis: for the consultant team only, never sent to the client.</source>
        <translation>内部分析：仅供顾问组内部使用，不得发送给客户。</translation>
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
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Rename person</source>
        <translation>修改姓名</translation>
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
        <source>Unit</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Engagement now</source>
        <translation>当前态度</translation>
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
        <source>Cooperation type</source>
        <translation>配合类型</translation>
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
        <source>Stakeholder register</source>
        <translation>干系人登记表</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Assessment history</source>
        <translation>评估历史</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>干系人登记表</translation>
    </message>
    <message>
        <source>Select a person to see their history.</source>
        <translation>选择一位人员以查看其评估历史。</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>{name} 的评估历史</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
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
        <source>Something went wrong. Your saved data is safe; the details are below.</source>
        <translation>出现错误。您已保存的数据不受影响，详细信息如下。</translation>
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
        <source>Export not written</source>
        <translation>导出未完成</translation>
    </message>
    <message>
        <source>Save as {name} instead?</source>
        <translation>改为另存为 {name}？</translation>
    </message>
</context>
</TS>
