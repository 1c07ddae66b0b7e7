<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SigmoidTab</name>
    <message>
        <source>Measuring the cost of exp</source>
        <translation>exp 비용 측정</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>층별 기울기 크기</translation>
    </message>
    <message>
        <source>layer (1 = nearest the input)</source>
        <translation>층 (1 = 입력에 가장 가까움)</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>Gradient norm over training</source>
        <translation>학습 중 기울기 크기</translation>
    </message>
    <message>
        <source>Activations of each layer</source>
        <translation>층별 활성값 분포</translation>
    </message>
    <message>
        <source>activation value</source>
        <translation>활성값</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>loss of each mini-batch</source>
        <translation>미니배치별 손실</translation>
    </message>
    <message>
        <source>All-positive inputs</source>
        <translation>입력이 모두 양수</translation>
    </message>
    <message>
        <source>Zero-centred inputs</source>
        <translation>입력이 0 중심</translation>
    </message>
    <message>
        <source>Cost of exp</source>
        <translation>exp의 비용</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>밀리초</translation>
    </message>
    <message>
        <source>Press Run or Step: each layer&apos;s gradient is measured at every step.</source>
        <translation>실행 또는 한 단계를 누르세요: 매 단계마다 각 층의 기울기를 잽니다.</translation>
    </message>
    <message>
        <source>Gradient of layer 1 ÷ gradient of layer {0} = {1:.1e}</source>
        <translation>1층 기울기 ÷ {0}층 기울기 = {1:.1e}</translation>
    </message>
    <message>
        <source>Bright = many values. Each row is one layer.</source>
        <translation>밝을수록 값이 많습니다. 한 줄이 한 층입니다.</translation>
    </message>
    <message>
        <source>Saturated (within 5 % of either end, slope ≈ 0): layer 1 {0:.0%}, layer {1} {2:.0%}</source>
        <translation>포화 (양 끝 5 % 안, 기울기 ≈ 0): 1층 {0:.0%}, {1}층 {2:.0%}</translation>
    </message>
    <message>
        <source>Same-sign steps: all-positive {0:.0%}, zero-centred {1:.0%}</source>
        <translation>부호가 같았던 단계: 양수 입력 {0:.0%}, 0 중심 입력 {1:.0%}</translation>
    </message>
    <message>
        <source>Steps whose two weight gradients share a sign</source>
        <translation>두 가중치의 기울기 부호가 같았던 단계</translation>
    </message>
    <message>
        <source>Forward + backward on {0:,} values, median of {1} rounds on this machine.</source>
        <translation>값 {0:,}개의 순전파 + 역전파, 이 컴퓨터에서 {1}회 잰 중앙값입니다.</translation>
    </message>
    <message>
        <source>One bar per layer: the size of its gradient. Press Run or Step.</source>
        <translation>층마다 막대 하나: 그 층 기울기의 크기입니다. 실행이나 한 단계를 누르세요.</translation>
    </message>
    <message>
        <source>Each layer&apos;s gradient, step after step.</source>
        <translation>각 층의 기울기를 단계마다 그립니다.</translation>
    </message>
    <message>
        <source>Where each layer&apos;s outputs fall.</source>
        <translation>각 층의 출력값이 어디에 모이는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>The loss of each mini-batch.</source>
        <translation>미니배치마다의 손실입니다.</translation>
    </message>
    <message>
        <source>Press “Measure exp cost” to time the activations on this machine.</source>
        <translation>“exp 비용 재기”를 누르면 이 컴퓨터에서 활성화 함수의 시간을 잽니다.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>재는 중…</translation>
    </message>
    <message>
        <source>Measure exp cost</source>
        <translation>exp 비용 재기</translation>
    </message>
    <message>
        <source>Time sigmoid, tanh and ReLU (forward and backward) on a large tensor, on this machine</source>
        <translation>큰 텐서에서 sigmoid, tanh, ReLU의 순전파와 역전파 시간을 이 컴퓨터에서 잽니다</translation>
    </message>
    <message>
        <source>Zig-zag: one neuron, two weights, one example a step</source>
        <translation>지그재그: 뉴런 하나, 가중치 둘, 한 단계에 예제 하나</translation>
    </message>
</context>
<context>
    <name>sigmoid/choices</name>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>xavier</source>
        <translation>xavier</translation>
    </message>
    <message>
        <source>he</source>
        <translation>he</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>양수만 (positive)</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>0 중심 (centered)</translation>
    </message>
</context>
<context>
    <name>sigmoid/params</name>
    <message>
        <source>The function after every hidden layer. sigmoid&apos;s slope is at most 0.25; relu&apos;s is 1 wherever the unit is on.</source>
        <translation>모든 은닉층 뒤에 오는 함수입니다. sigmoid의 기울기는 최대 0.25이고, relu의 기울기는 유닛이 켜져 있는 곳에서 항상 1입니다.</translation>
    </message>
    <message>
        <source>Number of hidden layers D; layer 1 is nearest the input.</source>
        <translation>은닉층의 개수 D입니다. 1층이 입력에 가장 가깝습니다.</translation>
    </message>
    <message>
        <source>normal: N(0,1); xavier: variance 2/(fan_in+fan_out); he: variance 2/fan_in.</source>
        <translation>normal: N(0,1), xavier: 분산 2/(fan_in+fan_out), he: 분산 2/fan_in.</translation>
    </message>
    <message>
        <source>Step size of every update of the deep network.</source>
        <translation>깊은 신경망을 한 번 업데이트할 때의 보폭입니다.</translation>
    </message>
    <message>
        <source>Zig-zag input</source>
        <translation>지그재그 입력</translation>
    </message>
    <message>
        <source>What feeds the two-weight neuron of the zig-zag plots: positive (sigmoid outputs, all &gt; 0) or centered (zero-centred, like tanh).</source>
        <translation>지그재그 그림의 가중치 2개짜리 뉴런에 들어갈 입력입니다: positive (sigmoid 출력, 모두 0보다 큼) 또는 centered (tanh처럼 0을 중심으로 함).</translation>
    </message>
    <message>
        <source>Zig-zag step size</source>
        <translation>지그재그 보폭</translation>
    </message>
    <message>
        <source>Learning rate of the two-weight neuron (one example a step).</source>
        <translation>가중치 2개짜리 뉴런의 학습률입니다 (한 단계에 예제 하나).</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Sigmoid and vanishing gradients</source>
        <translation>시그모이드와 기울기 소실</translation>
    </message>
</context>
</TS>
