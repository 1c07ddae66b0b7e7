<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>ValidationTab</name>
    <message>
        <source>Which set a point you click on the plot joins</source>
        <translation>그래프를 클릭해 추가한 점이 들어갈 세트</translation>
    </message>
    <message>
        <source>training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>test (peeking)</source>
        <translation>테스트 (엿보기)</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균제곱오차</translation>
    </message>
    <message>
        <source>source</source>
        <translation>원래 곡선</translation>
    </message>
    <message>
        <source>model now</source>
        <translation>지금 모델</translation>
    </message>
    <message>
        <source>kept model</source>
        <translation>남긴 모델</translation>
    </message>
    <message>
        <source>Data and model</source>
        <translation>데이터와 모델</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>에포크별 손실</translation>
    </message>
    <message>
        <source>epoch (log scale)</source>
        <translation>에포크 (로그 눈금)</translation>
    </message>
    <message>
        <source>Loss against capacity</source>
        <translation>용량에 따른 손실</translation>
    </message>
    <message>
        <source>capacity (polynomial degree)</source>
        <translation>용량 (다항식 차수)</translation>
    </message>
    <message>
        <source>The kept weights</source>
        <translation>남긴 가중치</translation>
    </message>
    <message>
        <source>measured on</source>
        <translation>측정한 데이터</translation>
    </message>
    <message>
        <source>Press Run: the training and validation loss, epoch by epoch.</source>
        <translation>실행을 누르세요. 훈련 손실과 검증 손실을 에포크마다 그립니다.</translation>
    </message>
    <message>
        <source>The loss of the kept weights on each part of the data.</source>
        <translation>남긴 가중치의 손실을 데이터의 각 부분에서 잽니다.</translation>
    </message>
    <message>
        <source>Press Sweep capacity: one model per degree, training and validation loss against the degree.</source>
        <translation>용량 훑기를 누르세요. 차수마다 모델 하나씩, 차수에 따른 훈련 손실과 검증 손실을 그립니다.</translation>
    </message>
    <message>
        <source>That edit was not applied: {0}</source>
        <translation>그 편집은 적용하지 않았습니다: {0}</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <source>new data</source>
        <translation>새 데이터</translation>
    </message>
    <message>
        <source>Peeking: the test set was measured {0} times and chose epoch {1}. Reported test loss {2:.3f}; on new data {3:.3f}.</source>
        <translation>엿보기: 테스트 세트를 {0}번 재서 에포크 {1}을(를) 골랐습니다. 보고한 테스트 손실 {2:.3f}, 새 데이터에서는 {3:.3f}.</translation>
    </message>
    <message>
        <source>Stopped at epoch {0}; the weights of epoch {1} are kept. Test loss {2:.3f}, measured once; on new data {3:.3f}.</source>
        <translation>에포크 {0}에서 멈추고 에포크 {1}의 가중치를 남겼습니다. 테스트 손실 {2:.3f} (한 번 측정), 새 데이터에서는 {3:.3f}.</translation>
    </message>
    <message>
        <source>Epoch {0} of {1} · peeking: the test set has been measured {2} times</source>
        <translation>에포크 {0} / {1} · 엿보기: 테스트 세트를 {2}번 쟀습니다</translation>
    </message>
    <message>
        <source>Epoch {0} of {1} · lowest validation loss at epoch {2} · test set: locked</source>
        <translation>에포크 {0} / {1} · 검증 손실이 가장 낮은 에포크 {2} · 테스트 세트: 잠김</translation>
    </message>
    <message>
        <source>Peeking: the test set was measured {0} times and picked degree {1}. Reported test loss {2:.3f}; on new data {3:.3f}.</source>
        <translation>엿보기: 테스트 세트를 {0}번 재서 {1}차를 골랐습니다. 보고한 테스트 손실 {2:.3f}, 새 데이터에서는 {3:.3f}.</translation>
    </message>
    <message>
        <source>Validation picks degree {0}. Only now is the test set measured, once: test loss {1:.3f}; on new data {2:.3f}.</source>
        <translation>검증 세트가 {0}차를 고릅니다. 이제야 테스트 세트를 한 번 잽니다. 테스트 손실 {1:.3f}, 새 데이터에서는 {2:.3f}.</translation>
    </message>
    <message>
        <source>Epoch {0} of {1} for every degree from 1 to {2} · validation prefers degree {3} · test set: locked</source>
        <translation>1차부터 {2}차까지 모두 에포크 {0} / {1} · 검증 세트가 지금 고르는 차수 {3} · 테스트 세트: 잠김</translation>
    </message>
    <message>
        <source>One model per degree, 1 to {0}, on the same data</source>
        <translation>같은 데이터로 1차부터 {0}차까지 차수마다 모델 하나씩</translation>
    </message>
    <message>
        <source>Press Run to train a polynomial of degree {0} on the training points.</source>
        <translation>실행을 누르면 {0}차 다항식을 훈련 점으로 학습합니다.</translation>
    </message>
    <message>
        <source>Sweep capacity</source>
        <translation>용량 훑기</translation>
    </message>
    <message>
        <source>Train one model per degree from 1 to the capacity, choose by validation loss, then test once</source>
        <translation>1차부터 용량까지 차수마다 모델을 하나씩 학습하고, 검증 손실로 고른 뒤 테스트를 한 번 합니다</translation>
    </message>
    <message>
        <source>Mouse: drag a point to move it, click to add one, right-click to remove one.</source>
        <translation>마우스: 점을 끌어 옮기고, 빈 곳을 눌러 더하고, 오른쪽 클릭으로 지웁니다.</translation>
    </message>
    <message>
        <source>Clicks add</source>
        <translation>클릭으로 추가</translation>
    </message>
    <message>
        <source>Fresh data</source>
        <translation>데이터 새로 뽑기</translation>
    </message>
    <message>
        <source>Forget the edited points: new points from the seed</source>
        <translation>고친 점을 버리고 시드에서 점을 새로 뽑습니다</translation>
    </message>
    <message>
        <source>Test and new data stay locked until the run ends. New data: 2,000 fresh points from the same source that no choice has seen: what the model is really worth.</source>
        <translation>테스트와 새 데이터는 학습이 끝날 때까지 잠겨 있습니다. 새 데이터는 같은 곡선에서 새로 뽑은 점 2,000개로, 어떤 결정에도 쓰이지 않았습니다. 모델의 진짜 실력입니다.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Validation vs test</source>
        <translation>검증 세트와 테스트 세트</translation>
    </message>
</context>
<context>
    <name>validation/params</name>
    <message>
        <source>Data set size</source>
        <translation>데이터 크기</translation>
    </message>
    <message>
        <source>Points in the whole data set, before it is split three ways.</source>
        <translation>셋으로 나누기 전 전체 데이터의 점 수입니다.</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added to every point&apos;s y.</source>
        <translation>모든 점의 y에 더하는 잡음의 표준편차입니다.</translation>
    </message>
    <message>
        <source>Capacity (polynomial degree)</source>
        <translation>용량 (다항식 차수)</translation>
    </message>
    <message>
        <source>The model is a polynomial of this degree: more degrees, more wiggles it can make. The sweep trains every degree from 1 up to this one.</source>
        <translation>모델은 이 차수의 다항식입니다. 차수가 높을수록 더 많이 구불거릴 수 있습니다. 용량 훑기는 1차부터 이 차수까지 모두 학습합니다.</translation>
    </message>
    <message>
        <source>Validation fraction</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>Share of the points kept aside to choose the epoch and the capacity.</source>
        <translation>에포크와 용량을 고르려고 따로 떼어 두는 점의 비율입니다.</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <source>Share of the points locked away until the end, to report how the chosen model does.</source>
        <translation>고른 모델의 성능을 알리려고 끝까지 잠가 두는 점의 비율입니다.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Full-batch updates of the model (one per epoch).</source>
        <translation>모델의 전체 배치 업데이트 횟수입니다 (에포크마다 한 번).</translation>
    </message>
    <message>
        <source>Step size of gradient descent.</source>
        <translation>경사 하강법의 보폭입니다.</translation>
    </message>
    <message>
        <source>Patience (0 = no early stopping)</source>
        <translation>인내 (0 = 조기 종료 없음)</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a new lowest validation loss, and go back to the weights of the best epoch.</source>
        <translation>검증 손실이 이만큼의 에포크 동안 더 낮아지지 않으면 멈추고, 가장 좋았던 에포크의 가중치로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>L2 penalty on the weights: pulls every coefficient towards 0.</source>
        <translation>가중치에 거는 L2 벌점입니다. 모든 계수를 0 쪽으로 당깁니다.</translation>
    </message>
    <message>
        <source>Peek at test</source>
        <translation>테스트 엿보기</translation>
    </message>
    <message>
        <source>The wrong way, for teaching: the test loss is measured at every epoch (or every capacity) and the model is chosen by it. The reported test loss then looks better than the model really is.</source>
        <translation>가르치기 위한 잘못된 방법입니다. 에포크마다(또는 차수마다) 테스트 손실을 재고 그것으로 모델을 고릅니다. 그러면 보고하는 테스트 손실이 모델의 실제 실력보다 좋아 보입니다.</translation>
    </message>
    <message>
        <source>Edited points</source>
        <translation>고친 점</translation>
    </message>
    <message>
        <source>The data set as edited with the mouse: x,y,split;… (split is train, val or test). Empty: points generated from the seed.</source>
        <translation>마우스로 고친 데이터입니다: x,y,split;… (split은 train, val, test 중 하나). 비어 있으면 시드에서 뽑은 점을 씁니다.</translation>
    </message>
</context>
</TS>
