<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>TopicTab</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
</context>
</TS>
