<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>GradientDescentTab</name>
    <message>
        <source>iteration</source>
        <translation>반복(iteration)</translation>
    </message>
    <message>
        <source>loss of each update&apos;s batch</source>
        <translation>업데이트마다 배치의 손실</translation>
    </message>
    <message>
        <source>loss on all data, end of epoch</source>
        <translation>에포크 끝, 전체 데이터 손실</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>에포크별 손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss on all data</source>
        <translation>전체 데이터 손실</translation>
    </message>
    <message>
        <source>Loss against examples seen</source>
        <translation>본 예제 수에 따른 손실</translation>
    </message>
    <message>
        <source>Full batch, mini-batch and SGD from the same weights</source>
        <translation>같은 가중치에서 출발한 배치, 미니배치, SGD</translation>
    </message>
    <message>
        <source>Press Compare modes to train all three.</source>
        <translation>방식 비교를 누르면 세 방식을 모두 학습합니다.</translation>
    </message>
    <message>
        <source>examples seen</source>
        <translation>본 예제 수</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치 (전체)</translation>
    </message>
    <message>
        <source>minibatch</source>
        <translation>미니배치</translation>
    </message>
    <message>
        <source>sgd</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Loss surface (click to choose the start)</source>
        <translation>손실 곡면 (클릭해서 출발점 선택)</translation>
    </message>
    <message>
        <source>Surface: gradient norm</source>
        <translation>곡면: 기울기 크기</translation>
    </message>
    <message>
        <source>|gradient|</source>
        <translation>|기울기|</translation>
    </message>
    <message>
        <source>Press Run or Step: the loss of each update, and of all the data at the end of each epoch.</source>
        <translation>실행이나 한 단계를 누르세요: 업데이트마다의 손실과, 에포크가 끝날 때 전체 데이터의 손실을 그립니다.</translation>
    </message>
    <message>
        <source>The size of the gradient at each step of the walk.</source>
        <translation>곡면 위를 걷는 각 단계에서 기울기의 크기입니다.</translation>
    </message>
    <message>
        <source>Iterations per epoch = ⌈N / B⌉ = ⌈{0} / {1}⌉ = {2}</source>
        <translation>에포크당 반복 수 = ⌈N / B⌉ = ⌈{0} / {1}⌉ = {2}</translation>
    </message>
    <message>
        <source>iteration {0}, epoch {1}</source>
        <translation>반복 {0}, 에포크 {1}</translation>
    </message>
    <message>
        <source>step {0}: loss {1:.4g}, |gradient| {2:.3g}</source>
        <translation>{0}단계: 손실 {1:.4g}, |기울기| {2:.3g}</translation>
    </message>
    <message>
        <source>{0}: {1} updates, loss {2:.3f}</source>
        <translation>{0}: 업데이트 {1}번, 손실 {2:.3f}</translation>
    </message>
    <message>
        <source>(diverged)</source>
        <translation>(발산)</translation>
    </message>
    <message>
        <source>Real training</source>
        <translation>실제 학습</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>Compare modes</source>
        <translation>방식 비교</translation>
    </message>
    <message>
        <source>Train full batch, mini-batch and SGD from the same seed and initial weights, and overlay their curves</source>
        <translation>같은 시드와 같은 초기 가중치로 배치, 미니배치, SGD를 학습해 곡선을 겹쳐 봅니다</translation>
    </message>
</context>
<context>
    <name>gradient-descent/choices</name>
    <message>
        <source>batch</source>
        <translation>배치 (전체)</translation>
    </message>
    <message>
        <source>minibatch</source>
        <translation>미니배치</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>반달 두 개</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>두 덩어리</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>동심원</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>정규분포 N(0,1)</translation>
    </message>
    <message>
        <source>xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>he</source>
        <translation>He</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>모두 0</translation>
    </message>
    <message>
        <source>bowl</source>
        <translation>그릇</translation>
    </message>
    <message>
        <source>valley</source>
        <translation>좁고 긴 골짜기</translation>
    </message>
    <message>
        <source>local-minima</source>
        <translation>지역 최솟값</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>평탄한 고원</translation>
    </message>
</context>
<context>
    <name>gradient-descent/params</name>
    <message>
        <source>Update mode</source>
        <translation>업데이트 방식</translation>
    </message>
    <message>
        <source>batch: one update per epoch on all the data; minibatch: one per batch of B examples; sgd: one per single example.</source>
        <translation>배치: 에포크마다 전체 데이터로 한 번 업데이트, 미니배치: B개 예제마다 한 번, SGD: 예제 하나마다 한 번.</translation>
    </message>
    <message>
        <source>Batch size B</source>
        <translation>배치 크기 B</translation>
    </message>
    <message>
        <source>Examples per update in mini-batch mode (a power of two).</source>
        <translation>미니배치 방식에서 한 번 업데이트에 쓰는 예제 수 (2의 거듭제곱).</translation>
    </message>
    <message>
        <source>Data set size N</source>
        <translation>데이터셋 크기 N</translation>
    </message>
    <message>
        <source>Number of training examples.</source>
        <translation>학습 예제의 개수.</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>The generated two-class data set.</source>
        <translation>코드로 만든 두 클래스 데이터셋.</translation>
    </message>
    <message>
        <source>Step size of every update of the network.</source>
        <translation>신경망을 한 번 업데이트할 때의 보폭.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Passes over the whole data set.</source>
        <translation>전체 데이터를 몇 번 훑을지.</translation>
    </message>
    <message>
        <source>normal: N(0,1); xavier: variance 2/(fan_in+fan_out); he: variance 2/fan_in; zeros: all weights 0, a stationary point: no weight ever moves.</source>
        <translation>normal: N(0,1), xavier: 분산 2/(fan_in+fan_out), he: 분산 2/fan_in, zeros: 모든 가중치 0. 기울기가 0인 정류점이라 어떤 가중치도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>은닉 유닛 수</translation>
    </message>
    <message>
        <source>Width of the one hidden layer (tanh); 0 means logistic regression.</source>
        <translation>은닉층 하나(tanh)의 폭. 0이면 로지스틱 회귀입니다.</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>손실 곡면</translation>
    </message>
    <message>
        <source>The 2-D surface walked on the right.</source>
        <translation>오른쪽에서 걸어 내려가는 2차원 곡면.</translation>
    </message>
    <message>
        <source>Where the walk on the surface begins (or click the surface).</source>
        <translation>곡면 위에서 출발하는 위치 (곡면을 클릭해도 됩니다).</translation>
    </message>
    <message>
        <source>Surface step size</source>
        <translation>곡면 보폭</translation>
    </message>
    <message>
        <source>Learning rate of the walk on the surface.</source>
        <translation>곡면 위를 걷는 경사 하강의 학습률.</translation>
    </message>
    <message>
        <source>Gradient noise</source>
        <translation>기울기 잡음</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added to the surface gradient, like the noisier gradient of a small batch.</source>
        <translation>곡면의 기울기에 더하는 잡음의 표준편차. 작은 배치의 더 흔들리는 기울기를 흉내 냅니다.</translation>
    </message>
    <message>
        <source>Surface steps</source>
        <translation>곡면 단계 수</translation>
    </message>
    <message>
        <source>How many steps one walk on the surface takes.</source>
        <translation>곡면 위 한 번의 걷기가 몇 단계인지.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Gradient descent</source>
        <translation>경사 하강법</translation>
    </message>
</context>
</TS>
