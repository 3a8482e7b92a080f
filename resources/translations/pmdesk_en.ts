<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DecisionsTab</name>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decision</numerusform>
            <numerusform>%n decisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthChart</name>
    <message numerus="yes">
        <source>%n reviewed: %1 days to review at the median, %2 at the longest.</source>
        <translation>
            <numerusform>%n reviewed: %1 days to review at the median, %2 at the longest.</numerusform>
            <numerusform>%n reviewed: %1 days to review at the median, %2 at the longest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting, the oldest for %1 days.</source>
        <translation>
            <numerusform>%n waiting, the oldest for %1 days.</numerusform>
            <numerusform>%n waiting, the oldest for %1 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveMeetingTab</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MinutesSection</name>
    <message numerus="yes">
        <source>The email draft is open in your mail program. Record version {version} of the minutes as sent now, to %n recipient(s)? You can add the client&apos;s feedback later.</source>
        <translation>
            <numerusform>The email draft is open in your mail program. Record version {version} of the minutes as sent now, to %n recipient? You can add the client&apos;s feedback later.</numerusform>
            <numerusform>The email draft is open in your mail program. Record version {version} of the minutes as sent now, to %n recipients? You can add the client&apos;s feedback later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action item(s) added; see the Progress tab.</source>
        <translation>
            <numerusform>%n action item added; see the Progress tab.</numerusform>
            <numerusform>%n action items added; see the Progress tab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added to the project scope.</source>
        <translation>
            <numerusform>%n line added to the project scope.</numerusform>
            <numerusform>%n lines added to the project scope.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <extracomment>Sections that have not shown the plan on screen now (each loads when shown). Sections the summary counts from: always loaded.</extracomment>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carried over {n}+ times</source>
        <translation>
            <numerusform>%n carried over {n}+ times</numerusform>
            <numerusform>%n carried over {n}+ times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting the lead&apos;s review</source>
        <translation>
            <numerusform>%n awaiting the lead&apos;s review</numerusform>
            <numerusform>%n awaiting the lead&apos;s review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open lead request(s)</source>
        <translation>
            <numerusform>%n open lead request</numerusform>
            <numerusform>%n open lead requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to chase</source>
        <translation>
            <numerusform>%n to chase</numerusform>
            <numerusform>%n to chase</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportSection</name>
    <message numerus="yes">
        <source>%n late step(s) have no next step yet (the report says it is being agreed): fill it in on the right.</source>
        <translation>
            <numerusform>%n late step has no next step yet (the report says it is being agreed): fill it in on the right.</numerusform>
            <numerusform>%n late steps have no next step yet (the report says it is being agreed): fill it in on the right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakersSection</name>
    <message numerus="yes">
        <source>{name}: %n note(s), in order</source>
        <translation>
            <numerusform>{name}: %n note, in order</numerusform>
            <numerusform>{name}: %n notes, in order</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepsSection</name>
    <message numerus="yes">
        <source>After the progress meeting, count one more carry-over for the %n open step(s) past their due date? Steps carried over {flag} times are flagged.</source>
        <translation>
            <numerusform>After the progress meeting, count one more carry-over for the %n open step past their due date? Steps carried over {flag} times are flagged.</numerusform>
            <numerusform>After the progress meeting, count one more carry-over for the %n open steps past their due date? Steps carried over {flag} times are flagged.</numerusform>
        </translation>
    </message>
</context>
</TS>
