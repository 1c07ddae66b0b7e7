<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AdamTab</name>
    <message>
        <source>Each optimiser&apos;s loss, step by step. Press Run or Step.</source>
        <translation>각 옵티마이저의 손실을 단계마다 그립니다. 실행이나 한 단계를 누르세요.</translation>
    </message>
    <message>
        <source>The same optimisers training a small network.</source>
        <translation>같은 옵티마이저들이 작은 신경망을 학습시킵니다.</translation>
    </message>
    <message>
        <source>How far Adam moves in x and in y at each of its first steps.</source>
        <translation>Adam이 처음 몇 단계 동안 x와 y로 얼마나 움직이는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Race on the surface (click to choose the start)</source>
        <translation>곡면 위의 경주 (클릭해서 출발점 선택)</translation>
    </message>
    <message>
        <source>Loss on the surface</source>
        <translation>곡면 위의 손실</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Adam&apos;s step size |Δ|, first 100 steps</source>
        <translation>Adam의 이동 크기 |Δ|, 처음 100단계</translation>
    </message>
    <message>
        <source>|Δ|</source>
        <translation>|Δ|</translation>
    </message>
    <message>
        <source>|Δx|</source>
        <translation>|Δx|</translation>
    </message>
    <message>
        <source>|Δy|</source>
        <translation>|Δy|</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Race on a small network (same data, same initial weights)</source>
        <translation>작은 신경망 위의 경주 (같은 데이터, 같은 초기 가중치)</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>Inside Adam</source>
        <translation>Adam 들여다보기</translation>
    </message>
    <message>
        <source>Switch Adam on to look inside it.</source>
        <translation>Adam을 켜면 안을 들여다볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Press Step to watch V, S, V̂ and Ŝ after each step.</source>
        <translation>&apos;한 단계&apos;를 누르면 단계마다 V, S, V̂, Ŝ가 어떻게 바뀌는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>bias correction on: 1 − β1ᵗ = {0:.4f}, 1 − β2ᵗ = {1:.4f}</source>
        <translation>편향 보정 켬: 1 − β1ᵗ = {0:.4f}, 1 − β2ᵗ = {1:.4f}</translation>
    </message>
    <message>
        <source>bias correction off: V̂ = V, Ŝ = S</source>
        <translation>편향 보정 끔: V̂ = V, Ŝ = S</translation>
    </message>
    <message>
        <source>gradient g</source>
        <translation>기울기 g</translation>
    </message>
    <message>
        <source>step Δ = −lr·V̂ / (√Ŝ + ε)</source>
        <translation>이동 Δ = −lr·V̂ / (√Ŝ + ε)</translation>
    </message>
    <message>
        <source>{0}: loss {1:.3g}</source>
        <translation>{0}: 손실 {1:.3g}</translation>
    </message>
    <message>
        <source>(diverged, stopped)</source>
        <translation>(발산, 멈춤)</translation>
    </message>
    <message>
        <source>(left the window)</source>
        <translation>(창 밖으로 나감)</translation>
    </message>
</context>
<context>
    <name>adam/choices</name>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>rmsprop</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>rosenbrock</source>
        <translation>로젠브록</translation>
    </message>
    <message>
        <source>beale</source>
        <translation>빌 (Beale)</translation>
    </message>
    <message>
        <source>quadratic</source>
        <translation>이차 함수</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>안장 함수</translation>
    </message>
</context>
<context>
    <name>adam/params</name>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>The 2-D function raced on: rosenbrock (a curved narrow valley), beale (flat plateaus and steep walls), quadratic (0.5(x² + 25y²), steep in y, flat in x), saddle (x² − y², no minimum).</source>
        <translation>경주가 벌어지는 2차원 함수: 로젠브록(휘어진 좁은 골짜기), 빌(평평한 고원과 가파른 벽), 이차 함수(0.5(x² + 25y²), y 방향은 가파르고 x 방향은 평평), 안장 함수(x² − y², 최솟값이 없음).</translation>
    </message>
    <message>
        <source>Optimisers</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Which optimisers race. Switching one off during a run freezes it where it is; switching it on again lets it go on.</source>
        <translation>경주에 나설 옵티마이저. 실행 중에 끄면 그 자리에 멈추고, 다시 켜면 멈춘 곳에서 이어 갑니다.</translation>
    </message>
    <message>
        <source>One learning rate for every optimiser on the surface (unless &apos;Own learning rates&apos; is on).</source>
        <translation>곡면 위의 모든 옵티마이저가 함께 쓰는 학습률 (&apos;각자 학습률&apos;이 켜져 있으면 쓰지 않습니다).</translation>
    </message>
    <message>
        <source>Own learning rates</source>
        <translation>각자 학습률</translation>
    </message>
    <message>
        <source>Give each optimiser its own learning rate on the surface (the four fields below) instead of the shared one.</source>
        <translation>곡면 위에서 공통 학습률 대신 옵티마이저마다 자기 학습률(아래 네 칸)을 씁니다.</translation>
    </message>
    <message>
        <source>SGD lr</source>
        <translation>SGD 학습률</translation>
    </message>
    <message>
        <source>Momentum lr</source>
        <translation>모멘텀 학습률</translation>
    </message>
    <message>
        <source>RMSProp lr</source>
        <translation>RMSProp 학습률</translation>
    </message>
    <message>
        <source>Adam lr</source>
        <translation>Adam 학습률</translation>
    </message>
    <message>
        <source>The learning rate of SGD when &apos;Own learning rates&apos; is on.</source>
        <translation>&apos;각자 학습률&apos;이 켜져 있을 때 SGD의 학습률.</translation>
    </message>
    <message>
        <source>The learning rate of Momentum when &apos;Own learning rates&apos; is on.</source>
        <translation>&apos;각자 학습률&apos;이 켜져 있을 때 모멘텀의 학습률.</translation>
    </message>
    <message>
        <source>The learning rate of RMSProp when &apos;Own learning rates&apos; is on.</source>
        <translation>&apos;각자 학습률&apos;이 켜져 있을 때 RMSProp의 학습률.</translation>
    </message>
    <message>
        <source>The learning rate of Adam when &apos;Own learning rates&apos; is on.</source>
        <translation>&apos;각자 학습률&apos;이 켜져 있을 때 Adam의 학습률.</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>모멘텀 μ</translation>
    </message>
    <message>
        <source>Momentum: b ← μ·b + g, then p ← p − lr·b.</source>
        <translation>모멘텀: b ← μ·b + g, 그다음 p ← p − lr·b.</translation>
    </message>
    <message>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <source>Adam&apos;s decay of the gradient average V ← β1·V + (1 − β1)·g.</source>
        <translation>Adam의 기울기 평균 감쇠율: V ← β1·V + (1 − β1)·g.</translation>
    </message>
    <message>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <source>Decay of the squared-gradient average S ← β2·S + (1 − β2)·g² (Adam&apos;s β2 and RMSProp&apos;s α).</source>
        <translation>기울기 제곱 평균의 감쇠율: S ← β2·S + (1 − β2)·g² (Adam의 β2이자 RMSProp의 α).</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Added to √S so the step never divides by zero.</source>
        <translation>√S에 더해서 0으로 나누는 일이 없게 합니다.</translation>
    </message>
    <message>
        <source>Bias correction</source>
        <translation>편향 보정</translation>
    </message>
    <message>
        <source>Adam divides V by (1 − β1ᵗ) and S by (1 − β2ᵗ): both averages start at zero, which matters most in the first steps.</source>
        <translation>Adam은 V를 (1 − β1ᵗ)로, S를 (1 − β2ᵗ)로 나눕니다. 두 평균 모두 0에서 출발하기 때문이며, 처음 몇 단계에서 가장 큰 차이를 만듭니다.</translation>
    </message>
    <message>
        <source>Where every optimiser starts (or click the surface).</source>
        <translation>모든 옵티마이저가 출발하는 위치 (곡면을 클릭해도 됩니다).</translation>
    </message>
    <message>
        <source>Network lr</source>
        <translation>신경망 학습률</translation>
    </message>
    <message>
        <source>One learning rate for every optimiser in the race on the small network.</source>
        <translation>작은 신경망 경주에서 모든 옵티마이저가 함께 쓰는 학습률.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Adam: momentum + RMSProp</source>
        <translation>Adam: 모멘텀 + RMSProp</translation>
    </message>
</context>
</TS>
