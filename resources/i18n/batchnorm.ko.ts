<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BatchNormTab</name>
    <message>
        <source>Validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>without BN</source>
        <translation>BN 없음</translation>
    </message>
    <message>
        <source>with BN</source>
        <translation>BN 있음</translation>
    </message>
    <message>
        <source>Without BN</source>
        <translation>BN 없음</translation>
    </message>
    <message>
        <source>With BN</source>
        <translation>BN 있음</translation>
    </message>
    <message>
        <source>γ (scale) per layer</source>
        <translation>층별 γ (배율)</translation>
    </message>
    <message>
        <source>mean γ</source>
        <translation>평균 γ</translation>
    </message>
    <message>
        <source>β (shift) per layer</source>
        <translation>층별 β (이동)</translation>
    </message>
    <message>
        <source>mean β</source>
        <translation>평균 β</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Activation input, layer {0}, {1}</source>
        <translation>활성화 입력, {0}층, {1}</translation>
    </message>
    <message>
        <source>The loss of each mini-batch, both networks.</source>
        <translation>두 신경망의 미니배치마다의 손실입니다.</translation>
    </message>
    <message>
        <source>Accuracy on held-out data, both networks.</source>
        <translation>두 신경망의 검증 데이터 정확도입니다.</translation>
    </message>
    <message>
        <source>BN&apos;s learned scale γ, one curve per layer.</source>
        <translation>BN이 배우는 배율 γ, 층마다 곡선 하나입니다.</translation>
    </message>
    <message>
        <source>BN&apos;s learned shift β, one curve per layer.</source>
        <translation>BN이 배우는 이동 β, 층마다 곡선 하나입니다.</translation>
    </message>
    <message>
        <source>How the values fed to one layer&apos;s activation spread, step by step.</source>
        <translation>한 층의 활성화 함수에 들어가는 값이 단계마다 어떻게 퍼지는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>The trained BN net&apos;s accuracy with running statistics and with statistics of small batches.</source>
        <translation>학습한 BN 신경망의 정확도: 이동 평균 통계를 쓸 때와 작은 배치의 통계를 쓸 때.</translation>
    </message>
    <message>
        <source>Train vs eval mode</source>
        <translation>학습 모드와 평가 모드</translation>
    </message>
    <message>
        <source>eval, or a batch of n</source>
        <translation>eval 또는 n개 배치</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>eval</source>
        <translation>eval</translation>
    </message>
    <message>
        <source>Layer shown</source>
        <translation>보여 줄 층</translation>
    </message>
    <message>
        <source>Which hidden layer&apos;s activation inputs are drawn below</source>
        <translation>아래에 활성화 입력을 그릴 은닉층</translation>
    </message>
    <message>
        <source>Line: median; dark band: middle 50 %; light band: middle 90 % of the values of one mini-batch. With BN they stay put; without, they drift.</source>
        <translation>선: 중앙값, 진한 띠: 가운데 50 %, 옅은 띠: 미니배치 값의 가운데 90 %. BN이 있으면 제자리에 머물고, 없으면 떠다닙니다.</translation>
    </message>
    <message>
        <source>BN net. Running averages give one answer per example. Statistics of a small batch depend on the other examples in it: with 1, every value becomes 0.</source>
        <translation>BN 신경망. 이동 평균을 쓰면 예제마다 답이 하나로 정해집니다. 작은 배치의 통계는 함께 든 다른 예제에 따라 달라지고, 1개이면 모든 값이 0이 됩니다.</translation>
    </message>
    <message>
        <source>{0}: diverged at step {1}</source>
        <translation>{0}: {1}단계에서 발산</translation>
    </message>
    <message>
        <source>{0}: loss {1:.3f}, validation accuracy {2:.0%}</source>
        <translation>{0}: 손실 {1:.3f}, 검증 정확도 {2:.0%}</translation>
    </message>
    <message>
        <source>Two copies of one network, same seed and same first weights: press Run to train them side by side.</source>
        <translation>같은 시드, 같은 초기 가중치를 가진 한 신경망의 두 복사본입니다. 실행을 누르면 나란히 학습합니다.</translation>
    </message>
</context>
<context>
    <name>batchnorm/choices</name>
    <message>
        <source>before</source>
        <translation>활성화 전 (before)</translation>
    </message>
    <message>
        <source>after</source>
        <translation>활성화 후 (after)</translation>
    </message>
</context>
<context>
    <name>batchnorm/params</name>
    <message>
        <source>Step size of both networks. Raise it until the plain network diverges or stalls; the one with BatchNorm usually still trains.</source>
        <translation>두 신경망의 보폭입니다. 일반 신경망이 발산하거나 멈출 때까지 올려 보세요. 배치 정규화를 쓴 신경망은 대개 그래도 학습합니다.</translation>
    </message>
    <message>
        <source>Hidden layers D of both networks; layer 1 is nearest the input.</source>
        <translation>두 신경망의 은닉층 수 D입니다. 1층이 입력에 가장 가깝습니다.</translation>
    </message>
    <message>
        <source>The function after every hidden layer. Weights start with He initialisation for relu and leaky_relu, Xavier for tanh and sigmoid.</source>
        <translation>모든 은닉층 뒤에 오는 함수입니다. 가중치는 relu와 leaky_relu에서는 He 초기화로, tanh와 sigmoid에서는 Xavier 초기화로 시작합니다.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Examples per update (a power of two). BatchNorm normalises with this batch&apos;s statistics: with 1 or 2 they carry almost no information.</source>
        <translation>한 번 업데이트할 때 쓰는 예제 수입니다 (2의 거듭제곱). 배치 정규화는 이 배치의 통계로 정규화하므로, 1이나 2이면 통계에 정보가 거의 없습니다.</translation>
    </message>
    <message>
        <source>BatchNorm position</source>
        <translation>배치 정규화 위치</translation>
    </message>
    <message>
        <source>before: Linear → BN → activation (as in the original paper); after: Linear → activation → BN.</source>
        <translation>before: 선형 → BN → 활성화 (원 논문과 같음), after: 선형 → 활성화 → BN.</translation>
    </message>
    <message>
        <source>Running-average momentum</source>
        <translation>이동 평균 모멘텀</translation>
    </message>
    <message>
        <source>How much of each batch&apos;s mean and variance enters the running averages used at test time: r ← (1 − m)·r + m·batch.</source>
        <translation>테스트 때 쓰는 이동 평균에 각 배치의 평균과 분산이 얼마나 들어가는지 정합니다: r ← (1 − m)·r + m·배치.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Batch normalisation</source>
        <translation>배치 정규화</translation>
    </message>
</context>
</TS>
