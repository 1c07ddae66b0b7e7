<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CNNTab</name>
    <message>
        <source>Erase the pad to draw another digit</source>
        <translation>그림판을 지우고 다른 숫자를 그립니다</translation>
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
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터 수</translation>
    </message>
    <message>
        <source>Layer-1 filters</source>
        <translation>1층 필터</translation>
    </message>
    <message>
        <source>Feature maps (click a pixel)</source>
        <translation>특징 맵 (픽셀을 클릭하세요)</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>클래스별 확률</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Output (after ReLU)</source>
        <translation>출력 (ReLU 후)</translation>
    </message>
    <message>
        <source>Drawn to scale: a block&apos;s face is one feature map, its depth grows with the channels. A convolution uses its k×k weights (the outlined window) at every position; a fully connected layer needs a weight for every input–output pair.</source>
        <translation>크기는 실제 비율대로입니다. 블록의 앞면은 특징 맵 하나이고, 채널이 많을수록 깊어집니다. 합성곱은 k×k 가중치(테두리 친 창) 하나를 모든 위치에서 다시 쓰지만, 완전 연결층은 입력과 출력의 모든 쌍마다 가중치가 하나씩 필요합니다.</translation>
    </message>
    <message>
        <source>convolution + ReLU</source>
        <translation>합성곱 + ReLU</translation>
    </message>
    <message>
        <source>2×2 max-pooling</source>
        <translation>2×2 최대 풀링</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>선형층</translation>
    </message>
    <message>
        <source>fully connected equivalent</source>
        <translation>같은 일을 하는 완전 연결층</translation>
    </message>
    <message>
        <source>The loss of each mini-batch, CNN and MLP.</source>
        <translation>미니배치마다의 손실입니다(CNN과 MLP).</translation>
    </message>
    <message>
        <source>Accuracy on the 500 validation digits after each epoch.</source>
        <translation>에포크가 끝날 때마다 검증용 숫자 500개로 잰 정확도입니다.</translation>
    </message>
    <message>
        <source>Your drawing, centred</source>
        <translation>그린 숫자 (가운데 정렬)</translation>
    </message>
    <message>
        <source>Filters and feature maps</source>
        <translation>필터와 특징 맵</translation>
    </message>
    <message>
        <source>Layers and parameters</source>
        <translation>층과 파라미터</translation>
    </message>
    <message>
        <source>Convolution in slow motion</source>
        <translation>느린 합성곱</translation>
    </message>
    <message>
        <source>The window slides over the input; at each position the k×k products of pixel and weight are added up with the bias, and the ReLU of the sum fills one output pixel. Click a filter on the first page to slide another one.</source>
        <translation>창이 입력 위를 미끄러집니다. 위치마다 픽셀과 가중치의 곱 k×k개를 편향과 함께 더하고, 그 합에 ReLU를 거친 값이 출력 픽셀 하나를 채웁니다. 첫 페이지에서 다른 필터를 클릭하면 그 필터가 움직입니다.</translation>
    </message>
    <message>
        <source>Draw a digit here:</source>
        <translation>여기에 숫자를 그려 보세요:</translation>
    </message>
    <message>
        <source>Clear drawing</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <source>Click a pixel of a feature map: the input pixels it sees are outlined on the input.</source>
        <translation>특징 맵의 픽셀을 클릭하세요. 그 픽셀이 보는 입력 픽셀들이 입력 이미지에 테두리로 표시됩니다.</translation>
    </message>
    <message>
        <source>CNN total</source>
        <translation>CNN 합계</translation>
    </message>
    <message>
        <source>position ({0}, {1}): sum of the {2} products {3:+.2f} + bias {4:+.2f} = {5:+.2f}; after ReLU {6:.2f}</source>
        <translation>위치 ({0}, {1}): 곱 {2}개의 합 {3:+.2f} + 편향 {4:+.2f} = {5:+.2f}, ReLU 후 {6:.2f}</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터 수</translation>
    </message>
    <message>
        <source>Fully connected equivalent</source>
        <translation>같은 일을 하는 완전 연결층</translation>
    </message>
    <message>
        <source>Test digit {0}: a {1}</source>
        <translation>시험 숫자 {0}번: {1}</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Layer {0}, pixel ({1}, {2}) sees {3}×{4} input pixels (outlined on the input): each layer&apos;s window covers more of the digit.</source>
        <translation>{0}층의 픽셀 ({1}, {2})는 입력 픽셀 {3}×{4}개를 봅니다(입력에 테두리로 표시). 층이 깊을수록 숫자의 더 넓은 부분을 봅니다.</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Input, middle {0}×{0}</source>
        <translation>입력, 가운데 {0}×{0}</translation>
    </message>
    <message>
        <source>Filter {0} of layer 1</source>
        <translation>1층의 {0}번 필터</translation>
    </message>
    <message>
        <source>MLP 784 → {0} → 10</source>
        <translation>MLP 784 → {0} → 10</translation>
    </message>
    <message>
        <source>A CNN and an MLP ({0} parameters) learn the same digits: press Run.</source>
        <translation>CNN과 MLP(파라미터 {0}개)가 같은 숫자를 학습합니다. 실행을 누르세요.</translation>
    </message>
    <message>
        <source>(validation accuracy)</source>
        <translation>(검증 정확도)</translation>
    </message>
    <message>
        <source>layer {0}, {1}×{1}</source>
        <translation>{0}층, {1}×{1}</translation>
    </message>
    <message>
        <source>{0}: {1} parameters</source>
        <translation>{0}: 파라미터 {1}개</translation>
    </message>
</context>
<context>
    <name>cnn/choices</name>
    <message>
        <source>double</source>
        <translation>두 배</translation>
    </message>
    <message>
        <source>same</source>
        <translation>같게</translation>
    </message>
</context>
<context>
    <name>cnn/params</name>
    <message>
        <source>Channels (first conv layer)</source>
        <translation>채널 수 (첫 합성곱 층)</translation>
    </message>
    <message>
        <source>Filters in the first convolutional layer; each is one small k×k pattern detector and gives one feature map.</source>
        <translation>첫 합성곱 층의 필터 수입니다. 필터 하나는 작은 k×k 패턴 검출기이며 특징 맵 하나를 만듭니다.</translation>
    </message>
    <message>
        <source>Channels of later layers</source>
        <translation>다음 층들의 채널 수</translation>
    </message>
    <message>
        <source>double: each later conv layer has twice the channels of the one before (the usual choice, as the maps get smaller); same: every layer has as many as the first.</source>
        <translation>double: 뒤의 합성곱 층은 앞 층보다 채널이 두 배입니다(맵이 작아지므로 흔히 쓰는 방식). same: 모든 층의 채널 수가 첫 층과 같습니다.</translation>
    </message>
    <message>
        <source>Kernel size k</source>
        <translation>커널 크기 k</translation>
    </message>
    <message>
        <source>Each filter looks at a k×k neighbourhood: k·k weights per input channel, shared by every position of the image. Odd, so that the window has a centre pixel.</source>
        <translation>필터 하나는 k×k 이웃 영역을 봅니다. 입력 채널마다 가중치 k·k개를 두고 이미지의 모든 위치에서 함께 씁니다. 창에 가운데 픽셀이 있도록 홀수만 씁니다.</translation>
    </message>
    <message>
        <source>Conv layers</source>
        <translation>합성곱 층 수</translation>
    </message>
    <message>
        <source>Blocks of convolution → ReLU → 2×2 max-pooling; each halves the image side (28 → 14 → 7 → 3).</source>
        <translation>합성곱 → ReLU → 2×2 최대 풀링 블록의 수입니다. 블록마다 이미지 한 변이 절반이 됩니다(28 → 14 → 7 → 3).</translation>
    </message>
    <message>
        <source>MLP hidden units</source>
        <translation>MLP 은닉 유닛</translation>
    </message>
    <message>
        <source>Width of the fully connected network trained beside the CNN: 784 pixels → hidden → 10 classes.</source>
        <translation>CNN과 나란히 학습하는 완전 연결 신경망의 너비입니다: 픽셀 784개 → 은닉층 → 10개 클래스.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Passes over the 4,000 training digits.</source>
        <translation>학습용 숫자 4,000개를 몇 번 훑을지 정합니다.</translation>
    </message>
    <message>
        <source>Adam&apos;s step size, the same for both networks.</source>
        <translation>Adam의 보폭이며, 두 신경망에 똑같이 씁니다.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Digits per update (a power of two).</source>
        <translation>한 번 업데이트할 때 쓰는 숫자 이미지 수입니다(2의 거듭제곱).</translation>
    </message>
    <message>
        <source>Digit shown</source>
        <translation>보여 줄 숫자</translation>
    </message>
    <message>
        <source>Which test digit (0-499) the feature maps and the slow-motion convolution use.</source>
        <translation>특징 맵과 느린 합성곱에 쓸 시험용 숫자의 번호(0-499)입니다.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Convolutional networks</source>
        <translation>합성곱 신경망</translation>
    </message>
</context>
</TS>
