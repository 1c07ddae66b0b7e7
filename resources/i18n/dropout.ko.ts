<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>DropoutTab</name>
    <message>
        <source>without dropout</source>
        <translation>드롭아웃 없음</translation>
    </message>
    <message>
        <source>with dropout</source>
        <translation>드롭아웃 있음</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Training and validation loss</source>
        <translation>훈련 손실과 검증 손실</translation>
    </message>
    <message>
        <source>Gap: validation − training</source>
        <translation>격차: 검증 − 훈련</translation>
    </message>
    <message>
        <source>loss difference</source>
        <translation>손실 차이</translation>
    </message>
    <message>
        <source>Co-adaptation</source>
        <translation>공적응</translation>
    </message>
    <message>
        <source>mean |correlation|</source>
        <translation>상관 절댓값의 평균</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Hidden units in this step</source>
        <translation>이번 단계의 은닉 유닛</translation>
    </message>
    <message>
        <source>Votes of thinned networks</source>
        <translation>솎아 낸 신경망들의 투표</translation>
    </message>
    <message>
        <source>most disputed examples</source>
        <translation>의견이 가장 갈리는 예제</translation>
    </message>
    <message>
        <source>P(class 1)</source>
        <translation>P(클래스 1)</translation>
    </message>
    <message>
        <source>Press Run: both networks&apos; training (dashed) and validation loss.</source>
        <translation>실행을 누르세요. 두 신경망의 훈련 손실(점선)과 검증 손실을 그립니다.</translation>
    </message>
    <message>
        <source>How far the validation loss lies above the training loss.</source>
        <translation>검증 손실이 훈련 손실보다 얼마나 위에 있는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>How much the last layer&apos;s units move together.</source>
        <translation>마지막 층의 유닛들이 얼마나 함께 움직이는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Share of validation examples classified right.</source>
        <translation>검증 예제 가운데 맞게 분류한 비율입니다.</translation>
    </message>
    <message>
        <source>Which units the current step switches off.</source>
        <translation>이번 단계에서 어느 유닛을 끄는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Many dropout masks vote at test time.</source>
        <translation>테스트할 때 여러 드롭아웃 마스크가 투표합니다.</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>{0}층</translation>
    </message>
    <message>
        <source>After epoch {0}: the vote of {1} masks is right on {2:.1%} of the validation set, the scaled network alone on {3:.1%}.</source>
        <translation>에포크 {0} 뒤: 마스크 {1}개의 투표는 검증 세트의 {2:.1%}를 맞히고, 배율을 맞춘 신경망 하나는 {3:.1%}를 맞힙니다.</translation>
    </message>
    <message>
        <source>Red: active, white: silent, blue: dropped. {0:.0%} of the units were dropped in this step (p = {1:.2f}).</source>
        <translation>빨강: 켜짐, 흰색: 조용함, 파랑: 떨어뜨림. 이번 단계에서 유닛의 {0:.0%}를 떨어뜨렸습니다 (p = {1:.2f}).</translation>
    </message>
    <message>
        <source>One over-sized network, trained twice from the same first weights: without and with dropout. Press Run.</source>
        <translation>지나치게 큰 신경망 하나를 같은 처음 가중치에서 두 번, 드롭아웃 없이 그리고 드롭아웃과 함께 학습합니다. 실행을 누르세요.</translation>
    </message>
    <message>
        <source>Epoch {0} of {1} · gap between validation and training loss: {2}</source>
        <translation>에포크 {0} / {1} · 검증 손실과 훈련 손실의 격차: {2}</translation>
    </message>
    <message>
        <source>loss: dashed = training, solid = validation; ★ lowest validation loss</source>
        <translation>손실: 점선 = 훈련, 실선 = 검증, ★ 가장 낮은 검증 손실</translation>
    </message>
</context>
<context>
    <name>dropout/params</name>
    <message>
        <source>Dropout rate p</source>
        <translation>드롭아웃 비율 p</translation>
    </message>
    <message>
        <source>While training, each hidden unit of the dropout network is switched off with probability p at every step (and the others scaled by 1/(1−p)). At test time every unit is kept.</source>
        <translation>학습하는 동안 드롭아웃 신경망의 은닉 유닛은 단계마다 확률 p로 꺼집니다(나머지는 1/(1−p)배). 테스트할 때는 모든 유닛을 씁니다.</translation>
    </message>
    <message>
        <source>Hidden units per layer</source>
        <translation>층마다 은닉 유닛 수</translation>
    </message>
    <message>
        <source>Width of both networks: far more than 100 points need.</source>
        <translation>두 신경망의 너비입니다. 점 100개에 필요한 것보다 훨씬 큽니다.</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>은닉층 수</translation>
    </message>
    <message>
        <source>Each is Linear → ReLU → dropout.</source>
        <translation>각 층은 선형 → ReLU → 드롭아웃입니다.</translation>
    </message>
    <message>
        <source>Training examples</source>
        <translation>훈련 예제 수</translation>
    </message>
    <message>
        <source>Points both networks learn from; 500 more from the same source are the validation set.</source>
        <translation>두 신경망이 배우는 점입니다. 같은 곳에서 뽑은 500개가 더 있어 검증 세트가 됩니다.</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>How far points scatter from their moon: the larger, the more the two classes overlap and the more there is to overfit.</source>
        <translation>점이 반달에서 얼마나 흩어지는지입니다. 클수록 두 클래스가 더 겹치고 과적합할 거리가 많아집니다.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Full-batch updates of each network (one per epoch).</source>
        <translation>각 신경망의 전체 배치 업데이트 횟수입니다 (에포크마다 한 번).</translation>
    </message>
    <message>
        <source>Step size of Adam, for both networks.</source>
        <translation>두 신경망 모두에 쓰는 Adam의 보폭입니다.</translation>
    </message>
    <message>
        <source>Votes (dropout masks)</source>
        <translation>투표 수 (드롭아웃 마스크)</translation>
    </message>
    <message>
        <source>How many thinned networks vote at test time: Monte-Carlo dropout.</source>
        <translation>테스트할 때 투표하는 솎아 낸 신경망의 수입니다. 몬테카를로 드롭아웃입니다.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
</context>
</TS>
