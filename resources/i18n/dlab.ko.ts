<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CodeDialog</name>
    <message>
        <source>The code of {0}</source>
        <translation>{0}의 코드</translation>
    </message>
    <message>
        <source>Plain PyTorch and NumPy for the current parameters and seed. Run it with Python: it prints the same step,series,value lines as dlab run.</source>
        <translation>지금의 매개변수와 시드로 쓴 순수한 PyTorch와 NumPy 코드입니다. Python으로 실행하면 dlab run과 같은 step,series,value 줄을 출력합니다.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the whole script</source>
        <translation>스크립트 전체 복사</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>문제가 생겼습니다: {0}</translation>
    </message>
    <message>
        <source>dlab keeps running. The details below were saved to {0}.</source>
        <translation>dlab은 계속 실행됩니다. 아래 자세한 내용은 {0}에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Go to topic</source>
        <translation>주제로 이동</translation>
    </message>
    <message>
        <source>Help: this topic's lesson and the keys</source>
        <translation>도움말: 이 주제의 수업과 단축키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Help: {0}</source>
        <translation>도움말: {0}</translation>
    </message>
    <message>
        <source>Loaded {0}</source>
        <translation>{0}을(를) 불러왔습니다</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0}에 저장했습니다</translation>
    </message>
    <message>
        <source>Could not write {0} in the folder {1}: {2}</source>
        <translation>{1} 폴더에 {0}을(를) 쓸 수 없습니다: {2}</translation>
    </message>
    <message>
        <source>dlab — deep-learning lab</source>
        <translation>dlab — 딥러닝 실험실</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Save parameters…</source>
        <translation>설정 저장…</translation>
    </message>
    <message>
        <source>Load parameters…</source>
        <translation>설정 불러오기…</translation>
    </message>
    <message>
        <source>Export tab as PNG…</source>
        <translation>탭을 PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Export metrics as CSV…</source>
        <translation>지표를 CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Record a run as GIF or MP4…</source>
        <translation>실행을 GIF나 MP4로 녹화…</translation>
    </message>
    <message>
        <source>Export tab as SVG…</source>
        <translation>탭을 SVG로 내보내기…</translation>
    </message>
    <message>
        <source>Open teacher preset…</source>
        <translation>교사 프리셋 열기…</translation>
    </message>
    <message>
        <source>Clear teacher preset</source>
        <translation>교사 프리셋 해제</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run / Pause</source>
        <translation>실행 / 일시 정지</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>재설정</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Auto (CUDA where it is faster)</source>
        <translation>자동 (CUDA가 더 빠른 주제에서 사용)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (NVIDIA GPU)</source>
        <translation>CUDA (NVIDIA GPU)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>글자 크게</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>글자 작게</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>글자 크기 원래대로</translation>
    </message>
    <message>
        <source>Text size {0} %</source>
        <translation>글자 크기 {0} %</translation>
    </message>
    <message>
        <source>Presentation mode (Esc leaves)</source>
        <translation>발표 모드 (Esc로 나가기)</translation>
    </message>
    <message>
        <source>Parameters and lesson panel</source>
        <translation>매개변수와 설명 패널</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>Next scene</source>
        <translation>다음 장면</translation>
    </message>
    <message>
        <source>Previous scene</source>
        <translation>이전 장면</translation>
    </message>
    <message>
        <source>Add the current state as a scene…</source>
        <translation>지금 상태를 장면으로 추가…</translation>
    </message>
    <message>
        <source>Open lesson script…</source>
        <translation>수업 대본 열기…</translation>
    </message>
    <message>
        <source>Save lesson script…</source>
        <translation>수업 대본 저장…</translation>
    </message>
    <message>
        <source>Show me the code…</source>
        <translation>코드 보기…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>About dlab</source>
        <translation>dlab 정보</translation>
    </message>
    <message>
        <source>This topic could not be loaded: {0}</source>
        <translation>이 주제를 불러올 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Settings were unreadable and were reset.</source>
        <translation>설정 파일을 읽을 수 없어 초기화했습니다.</translation>
    </message>
    <message>
        <source>No CUDA device on this computer</source>
        <translation>이 컴퓨터에는 CUDA 장치가 없습니다</translation>
    </message>
    <message>
        <source>Could not open the lesson {0}: {1}</source>
        <translation>수업 {0}을(를) 열 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>Could not open the preset {0}: {1}</source>
        <translation>프리셋 {0}을(를) 열 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>Open teacher preset</source>
        <translation>교사 프리셋 열기</translation>
    </message>
    <message>
        <source>This topic has no code to show yet.</source>
        <translation>이 주제에는 아직 보여 줄 코드가 없습니다.</translation>
    </message>
    <message>
        <source>Recording {0}…</source>
        <translation>{0} 녹화 중…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Wrote {0} ({1} frames)</source>
        <translation>{0} 저장 ({1}프레임)</translation>
    </message>
    <message>
        <source>Record a run as GIF or MP4</source>
        <translation>실행을 GIF나 MP4로 녹화</translation>
    </message>
    <message>
        <source>MP4 needs an encoder: install ffmpeg (or pip install 'dlab[video]'). A GIF needs nothing more.</source>
        <translation>MP4에는 인코더가 필요합니다. ffmpeg를 설치하세요(또는 pip install 'dlab[video]'). GIF는 따로 필요한 것이 없습니다.</translation>
    </message>
    <message>
        <source>this tab has no scenes yet; add one first</source>
        <translation>이 탭에는 아직 장면이 없습니다. 먼저 하나를 추가하세요</translation>
    </message>
    <message>
        <source>Open lesson script</source>
        <translation>수업 대본 열기</translation>
    </message>
    <message>
        <source>This tab has no scenes yet: add one first (Lesson → Add the current state as a scene).</source>
        <translation>이 탭에는 아직 장면이 없습니다. 먼저 하나를 추가하세요 (수업 → 지금 상태를 장면으로 추가).</translation>
    </message>
    <message>
        <source>Save lesson script</source>
        <translation>수업 대본 저장</translation>
    </message>
    <message>
        <source>Add a scene</source>
        <translation>장면 추가</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Scene {0}</source>
        <translation>장면 {0}</translation>
    </message>
    <message>
        <source>Narration: two or three sentences</source>
        <translation>설명: 두세 문장</translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation>{0}을(를) 불러올 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0}에 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>Save parameters</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <source>Load parameters</source>
        <translation>설정 불러오기</translation>
    </message>
    <message>
        <source>Export tab as PNG</source>
        <translation>탭을 PNG로 내보내기</translation>
    </message>
    <message>
        <source>Export tab as SVG</source>
        <translation>탭을 SVG로 내보내기</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>지표 내보내기</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>발표 모드 끝내기</translation>
    </message>
    <message>
        <source>dlab {0}: a desktop deep-learning lab. Every curve is real PyTorch training, running on this computer.</source>
        <translation>dlab {0}: 데스크톱 딥러닝 실험실입니다. 모든 곡선은 이 컴퓨터에서 실제로 돌아가는 PyTorch 학습입니다.</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Choose a folder</source>
        <translation>폴더 선택</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>no folder chosen</source>
        <translation>선택한 폴더 없음</translation>
    </message>
    <message>
        <source>Greyed settings are fixed while a run is going; Reset to change them.</source>
        <translation>회색 설정은 실행 중에는 바꿀 수 없습니다. 바꾸려면 리셋하세요.</translation>
    </message>
    <message>
        <source>(fixed while a run is going)</source>
        <translation>(실행 중에는 바꿀 수 없음)</translation>
    </message>
</context>
<context>
    <name>ScenePanel</name>
    <message>
        <source>{0} scenes. Page Down or ▶ starts the first one.</source>
        <translation>장면 {0}개. Page Down이나 ▶를 누르면 첫 장면이 시작됩니다.</translation>
    </message>
    <message>
        <source>Scene {0} / {1} · {2}</source>
        <translation>장면 {0} / {1} · {2}</translation>
    </message>
    <message>
        <source>Previous scene (Page Up)</source>
        <translation>이전 장면 (Page Up)</translation>
    </message>
    <message>
        <source>Next scene: set its parameters and run it (Page Down)</source>
        <translation>다음 장면: 그 설정으로 바꾸고 실행합니다 (Page Down)</translation>
    </message>
</context>
<context>
    <name>TopicTab</name>
    <message>
        <source>Steps per second: slow to watch each step, full speed to see where a run goes</source>
        <translation>초당 단계 수: 느리게 하면 한 단계씩 지켜볼 수 있고, 최고 속도로 하면 실행이 어디로 가는지 빨리 볼 수 있습니다</translation>
    </message>
    <message>
        <source>End the run?</source>
        <translation>실행을 끝낼까요?</translation>
    </message>
    <message>
        <source>This ends the run going at step {0} and clears its plots. Go on?</source>
        <translation>{0}단계까지 진행 중인 실행을 끝내고 그래프를 지웁니다. 계속할까요?</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>재설정</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>200 steps/s</source>
        <translation>초당 200단계</translation>
    </message>
    <message>
        <source>50 steps/s</source>
        <translation>초당 50단계</translation>
    </message>
    <message>
        <source>20 steps/s</source>
        <translation>초당 20단계</translation>
    </message>
    <message>
        <source>5 steps/s</source>
        <translation>초당 5단계</translation>
    </message>
    <message>
        <source>2 steps/s</source>
        <translation>초당 2단계</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>초당 1단계</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>{0}단계</translation>
    </message>
    <message>
        <source>ghost: {0}</source>
        <translation>잔상: {0}</translation>
    </message>
    <message>
        <source>the same settings</source>
        <translation>같은 설정</translation>
    </message>
    <message>
        <source>No ghost</source>
        <translation>잔상 없음</translation>
    </message>
    <message>
        <source>My lesson</source>
        <translation>나의 수업</translation>
    </message>
    <message>
        <source>Cannot run: {0}</source>
        <translation>실행할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>The run failed: {0}</source>
        <translation>실행이 실패했습니다: {0}</translation>
    </message>
    <message>
        <source>The run diverged at step {0}: the numbers are no longer finite. Try a smaller learning rate.</source>
        <translation>{0}단계에서 발산했습니다. 값이 더 이상 유한하지 않습니다. 학습률을 낮춰 보세요.</translation>
    </message>
    <message>
        <source>{0} · step {1} · {2:.1f} s · {3:.0f} steps/s</source>
        <translation>{0} · {1}단계 · {2:.1f}초 · 초당 {3:.0f}단계</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Ghost: run −{0}</source>
        <translation>잔상: {0}번 전 실행</translation>
    </message>
    <message>
        <source>Take exactly one step, then pause (S)</source>
        <translation>정확히 한 단계만 진행하고 멈춥니다 (S)</translation>
    </message>
    <message>
        <source>Stop and clear; the same seed starts from the same weights (R)</source>
        <translation>멈추고 지웁니다. 같은 시드는 같은 가중치에서 다시 시작합니다 (R)</translation>
    </message>
    <message>
        <source>Run or pause (Space)</source>
        <translation>실행 또는 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Run again with one change</source>
        <translation>하나만 바꿔 다시 실행</translation>
    </message>
    <message>
        <source>Change one parameter, then press: the new run is drawn over the last one, which stays as a faded ghost whose legend names the change</source>
        <translation>매개변수 하나를 바꾼 뒤 누르세요. 새 실행이 지난 실행 위에 그려지고, 지난 실행은 흐린 잔상으로 남으며 범례에 바뀐 것이 나옵니다</translation>
    </message>
    <message>
        <source>Timeline: drag back to see an earlier moment of this run; Run goes on from the end</source>
        <translation>타임라인: 뒤로 끌면 이 실행의 앞선 순간을 봅니다. 실행을 누르면 끝에서부터 이어 갑니다</translation>
    </message>
    <message>
        <source>Show one of the last five runs faded under the live curves</source>
        <translation>최근 다섯 번의 실행 중 하나를 지금 곡선 아래에 흐리게 보여 줍니다</translation>
    </message>
    <message>
        <source>The same seed and parameters give the same numbers</source>
        <translation>시드와 설정이 같으면 결과도 같습니다</translation>
    </message>
    <message>
        <source>Drawing failed: {0}</source>
        <translation>그리기에 실패했습니다: {0}</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>relu</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>leaky_relu</source>
        <translation>leaky_relu</translation>
    </message>
    <message>
        <source>sgd</source>
        <translation>SGD</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>one of {choices}, {other}</source>
        <translation>{choices} 중 하나, 또는 {other}</translation>
    </message>
    <message>
        <source>{value} is not allowed; expected {allowed}</source>
        <translation>{value}은(는) 허용되지 않습니다. {allowed}이어야 합니다</translation>
    </message>
    <message>
        <source>{value} is out of range; expected {allowed}</source>
        <translation>{value}은(는) 범위를 벗어났습니다. {allowed}이어야 합니다</translation>
    </message>
    <message>
        <source>unknown parameter; known parameters are {names}</source>
        <translation>알 수 없는 매개변수입니다. 있는 매개변수: {names}</translation>
    </message>
    <message>
        <source>not valid JSON (line {line})</source>
        <translation>올바른 JSON이 아닙니다({line}번째 줄)</translation>
    </message>
    <message>
        <source>{value} is not supported; expected 1</source>
        <translation>{value}은(는) 지원하지 않는 형식 버전입니다. 1이어야 합니다</translation>
    </message>
    <message>
        <source>the file is for {file}, this tab is {tab}</source>
        <translation>이 파일은 {file}용인데 이 탭은 {tab}입니다</translation>
    </message>
    <message>
        <source>expected an object with &apos;schema&apos;, &apos;topic&apos; and &apos;params&apos;</source>
        <translation>&apos;schema&apos;, &apos;topic&apos;, &apos;params&apos;가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>expected a mapping of parameter names to values</source>
        <translation>매개변수 이름과 값의 대응이어야 합니다</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} 중 하나</translation>
    </message>
    <message>
        <source>a comma-separated subset of {choices}</source>
        <translation>{choices} 중 쉼표로 구분한 일부</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>the path of a folder</source>
        <translation>폴더 경로</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>수</translation>
    </message>
    <message>
        <source>a power of two</source>
        <translation>2의 거듭제곱</translation>
    </message>
    <message>
        <source>an integer from {lo} to {hi}</source>
        <translation>{lo}부터 {hi}까지의 정수</translation>
    </message>
    <message>
        <source>a number from {lo} to {hi}</source>
        <translation>{lo}부터 {hi}까지의 수</translation>
    </message>
    <message>
        <source>a power of two from {lo} to {hi}</source>
        <translation>{lo}부터 {hi}까지의 2의 거듭제곱</translation>
    </message>
    <message>
        <source>choose at least one optimiser</source>
        <translation>옵티마이저를 하나 이상 고르세요</translation>
    </message>
    <message>
        <source>{field}: no folder chosen; expected a folder of PNG or JPEG images</source>
        <translation>{field}: 폴더를 고르지 않았습니다. PNG 또는 JPEG 이미지가 든 폴더를 고르세요</translation>
    </message>
    <message>
        <source>{field}: {folder} is not a folder; expected a folder of PNG or JPEG images</source>
        <translation>{field}: {folder}은(는) 폴더가 아닙니다. PNG 또는 JPEG 이미지가 든 폴더여야 합니다</translation>
    </message>
    <message>
        <source>{field}: {folder} cannot be read ({why})</source>
        <translation>{field}: {folder}을(를) 읽을 수 없습니다({why})</translation>
    </message>
    <message>
        <source>{field}: {folder} holds no images; expected PNG or JPEG files (.png, .jpg, .jpeg)</source>
        <translation>{field}: {folder}에 이미지가 없습니다. PNG 또는 JPEG 파일(.png, .jpg, .jpeg)이 있어야 합니다</translation>
    </message>
    <message>
        <source>{field}: {file} cannot be read as an image; expected a PNG or JPEG file</source>
        <translation>{field}: {file}을(를) 이미지로 읽을 수 없습니다. PNG 또는 JPEG 파일이어야 합니다</translation>
    </message>
    <message>
        <source>step {0}: {1} became {2}</source>
        <translation>{0}단계: {1}이(가) {2}이(가) 되었습니다</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <translation>그런 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>디스크가 읽기 전용입니다</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>경로의 일부가 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>UTF-8 텍스트 파일이 아닙니다</translation>
    </message>
    <message>
        <source>loss (minibatch)</source>
        <translation>손실(미니배치)</translation>
    </message>
    <message>
        <source>{field}: images of mixed sizes: {first} ({size}) but {named}; every image of a folder must have the same size</source>
        <translation>{field}: 이미지 크기가 섞여 있습니다. {first}은(는) {size}인데 {named}입니다. 한 폴더의 이미지는 모두 크기가 같아야 합니다</translation>
    </message>
    <message>
        <source>loss (batch)</source>
        <translation>손실(전체 배치)</translation>
    </message>
    <message>
        <source>loss (sgd)</source>
        <translation>손실(SGD)</translation>
    </message>
    <message>
        <source>gradient norm (minibatch)</source>
        <translation>그래디언트 노름(미니배치)</translation>
    </message>
    <message>
        <source>gradient norm (batch)</source>
        <translation>그래디언트 노름(전체 배치)</translation>
    </message>
    <message>
        <source>gradient norm (sgd)</source>
        <translation>그래디언트 노름(SGD)</translation>
    </message>
    <message>
        <source>epoch loss</source>
        <translation>에포크 손실</translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep</source>
        <translation>{depth}단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>a number has more digits than any setting</source>
        <translation>어떤 설정값보다도 자릿수가 많은 숫자가 있습니다</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text</source>
        <translation>{name}은(는) UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>{name} is not a regular file</source>
        <translation>{name}은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} kB, the most allowed</source>
        <translation>{name}이(가) 허용되는 최대 크기인 {limit} kB보다 큽니다</translation>
    </message>
</context>
<context>
    <name>params</name>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Depth (hidden layers)</source>
        <translation>깊이 (은닉층 수)</translation>
    </message>
    <message>
        <source>Units in every hidden layer.</source>
        <translation>각 은닉층의 유닛 수입니다.</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Start x</source>
        <translation>시작 x</translation>
    </message>
    <message>
        <source>Start y</source>
        <translation>시작 y</translation>
    </message>
</context>
<context>
    <name>plots</name>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>layer 1 (input side)</source>
        <translation>1층 (입력 쪽)</translation>
    </message>
    <message>
        <source>last layer</source>
        <translation>마지막 층</translation>
    </message>
</context>
</TS>
