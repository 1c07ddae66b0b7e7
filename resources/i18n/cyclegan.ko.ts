<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CycleGANTab</name>
    <message>
        <source>Adversarial losses</source>
        <translation>적대적 손실</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>least squares</source>
        <translation>최소제곱</translation>
    </message>
    <message>
        <source>Cycle and identity losses</source>
        <translation>순환 손실과 항등 손실</translation>
    </message>
    <message>
        <source>mean |error|</source>
        <translation>평균 |오차|</translation>
    </message>
    <message>
        <source>Measured on held-out digits</source>
        <translation>따로 떼어 둔 숫자로 잰 값</translation>
    </message>
    <message>
        <source>mean |error|, share of the way</source>
        <translation>평균 |오차|, 간 비율</translation>
    </message>
    <message>
        <source>G(x) toward Y</source>
        <translation>G(x), Y 쪽으로</translation>
    </message>
    <message>
        <source>F(y) toward X</source>
        <translation>F(y), X 쪽으로</translation>
    </message>
    <message>
        <source>Iteration {0}: G(x) has gone {1:.0f} % of the way from X&apos;s look to Y&apos;s; F(G(x)) differs from x by {2:.3f} per pixel on average</source>
        <translation>반복 {0}: G(x)는 X의 모습에서 Y의 모습까지 {1:.0f} % 왔고, F(G(x))는 x와 픽셀마다 평균 {2:.3f} 다릅니다</translation>
    </message>
    <message>
        <source>Held-out measures</source>
        <translation>따로 떼어 둔 점으로 잰 값</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>거리</translation>
    </message>
    <message>
        <source>D_X</source>
        <translation>D_X</translation>
    </message>
    <message>
        <source>D_Y</source>
        <translation>D_Y</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>cycle X</source>
        <translation>순환 X</translation>
    </message>
    <message>
        <source>cycle Y</source>
        <translation>순환 Y</translation>
    </message>
    <message>
        <source>identity X</source>
        <translation>항등 X</translation>
    </message>
    <message>
        <source>identity Y</source>
        <translation>항등 Y</translation>
    </message>
    <message>
        <source>|F(G(x)) − x|</source>
        <translation>|F(G(x)) − x|</translation>
    </message>
    <message>
        <source>|G(F(y)) − y|</source>
        <translation>|G(F(y)) − y|</translation>
    </message>
    <message>
        <source>G(x) to nearest y</source>
        <translation>G(x)와 가장 가까운 y</translation>
    </message>
    <message>
        <source>F(y) to nearest x</source>
        <translation>F(y)와 가장 가까운 x</translation>
    </message>
    <message>
        <source>x → G(x) → F(G(x))</source>
        <translation>x → G(x) → F(G(x))</translation>
    </message>
    <message>
        <source>y → F(y) → G(F(y))</source>
        <translation>y → F(y) → G(F(y))</translation>
    </message>
    <message>
        <source>Press Run or Step.</source>
        <translation>실행이나 한 단계를 누르세요.</translation>
    </message>
    <message>
        <source>Iteration {0}: F(G(x)) differs from x by {1:.3f} per pixel on average (pixels from −1 to 1)</source>
        <translation>반복 {0}: F(G(x))는 x와 픽셀마다 평균 {1:.3f} 다릅니다 (픽셀 값은 −1부터 1까지)</translation>
    </message>
    <message>
        <source>X and Y are two unpaired point clouds. Press Run: G learns to carry X onto Y, F to carry Y back.</source>
        <translation>X와 Y는 짝이 없는 두 점 구름입니다. 실행을 누르세요. G는 X를 Y로 옮기고, F는 Y를 되돌려 옮기도록 배웁니다.</translation>
    </message>
    <message>
        <source>Iteration {0}: F(G(x)) is {1:.2f} from x on average; G(x) is {2:.2f} from the nearest y</source>
        <translation>반복 {0}: F(G(x))는 x에서 평균 {1:.2f}, G(x)는 가장 가까운 y에서 {2:.2f} 떨어져 있습니다</translation>
    </message>
    <message>
        <source>G: X → Y, judged by D_Y (background)</source>
        <translation>G: X → Y, D_Y가 평가 (배경)</translation>
    </message>
    <message>
        <source>F: Y → X, judged by D_X (background)</source>
        <translation>F: Y → X, D_X가 평가 (배경)</translation>
    </message>
    <message>
        <source>x to G(x)</source>
        <translation>x에서 G(x)로</translation>
    </message>
    <message>
        <source>push on G(x)</source>
        <translation>G(x)를 미는 방향</translation>
    </message>
    <message>
        <source>y to F(y)</source>
        <translation>y에서 F(y)로</translation>
    </message>
    <message>
        <source>push on F(y)</source>
        <translation>F(y)를 미는 방향</translation>
    </message>
    <message>
        <source>Step D only</source>
        <translation>판별자만 한 단계</translation>
    </message>
    <message>
        <source>One step that trains only the discriminators D_X and D_Y (sets &apos;Each step trains&apos;)</source>
        <translation>판별자 D_X와 D_Y만 학습하는 한 단계 (&apos;한 단계에 학습할 것&apos;을 바꿉니다)</translation>
    </message>
    <message>
        <source>Step G only</source>
        <translation>생성자만 한 단계</translation>
    </message>
    <message>
        <source>One step that trains only the generators G and F (sets &apos;Each step trains&apos;)</source>
        <translation>생성자 G와 F만 학습하는 한 단계 (&apos;한 단계에 학습할 것&apos;을 바꿉니다)</translation>
    </message>
    <message>
        <source>Draw X</source>
        <translation>X 그리기</translation>
    </message>
    <message>
        <source>Drag over a map to draw domain X; it replaces X at the end of each stroke, also while a run goes on</source>
        <translation>지도 위를 끌어서 도메인 X를 그립니다. 한 획을 마칠 때마다 X를 바꾸며, 실행 중에도 됩니다</translation>
    </message>
    <message>
        <source>Draw Y</source>
        <translation>Y 그리기</translation>
    </message>
    <message>
        <source>Drag over a map to draw domain Y; it replaces Y at the end of each stroke, also while a run goes on</source>
        <translation>지도 위를 끌어서 도메인 Y를 그립니다. 한 획을 마칠 때마다 Y를 바꾸며, 실행 중에도 됩니다</translation>
    </message>
    <message>
        <source>Undraw</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <source>Forget the drawn domains: back to X and Y of the chosen domains</source>
        <translation>그린 도메인을 버리고, 고른 도메인의 X와 Y로 돌아갑니다</translation>
    </message>
</context>
<context>
    <name>cyclegan/choices</name>
    <message>
        <source>points-gaussians</source>
        <translation>점: 가우시안</translation>
    </message>
    <message>
        <source>points-moons-ring</source>
        <translation>점: 두 달과 고리</translation>
    </message>
    <message>
        <source>digits-thickness</source>
        <translation>숫자: 획 굵기</translation>
    </message>
    <message>
        <source>digits-slant</source>
        <translation>숫자: 기울기</translation>
    </message>
    <message>
        <source>folders</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>both</source>
        <translation>둘 다</translation>
    </message>
    <message>
        <source>discriminators</source>
        <translation>판별자만</translation>
    </message>
    <message>
        <source>generators</source>
        <translation>생성자만</translation>
    </message>
</context>
<context>
    <name>cyclegan/params</name>
    <message>
        <source>Domains X and Y</source>
        <translation>도메인 X와 Y</translation>
    </message>
    <message>
        <source>points-gaussians: X and Y are two different mixtures of four Gaussians; points-moons-ring: X is two moons, Y a ring around them; digits-thickness: handwritten digits, Y with thicker strokes; digits-slant: Y slanted; folders: your own two folders of images (Folder X, Folder Y). No x comes with its y.</source>
        <translation>점: 가우시안 — X와 Y는 서로 다른 가우시안 네 개의 혼합입니다. 점: 두 달과 고리 — X는 두 개의 반달, Y는 그것을 둘러싼 고리입니다. 숫자: 획 굵기 — 손글씨 숫자이고 Y는 획이 더 굵습니다. 숫자: 기울기 — Y는 기울어져 있습니다. 폴더 — 직접 고른 이미지 폴더 두 개(폴더 X, 폴더 Y)입니다. 어떤 x도 짝이 되는 y와 함께 오지 않습니다.</translation>
    </message>
    <message>
        <source>λ cycle</source>
        <translation>λ 순환</translation>
    </message>
    <message>
        <source>Weight of the cycle losses |F(G(x)) − x| and |G(F(y)) − y|. At 0 the two GANs are trained apart and nothing ties G(x) to x.</source>
        <translation>순환 손실 |F(G(x)) − x|와 |G(F(y)) − y|의 가중치입니다. 0이면 두 GAN이 따로 학습되어 G(x)를 x에 묶어 두는 것이 없습니다.</translation>
    </message>
    <message>
        <source>λ identity</source>
        <translation>λ 항등</translation>
    </message>
    <message>
        <source>Weight of the identity losses |G(y) − y| and |F(x) − x|, relative to λ cycle (as in the original method, where 0.5 keeps a photo&apos;s colours). It starts at 0 because here it asks G to leave things where they are: at 0.5 G(x) ends about 0.9 from the nearest y on points instead of 0.1 (iteration 400), and slanted digits go a quarter of the way to Y&apos;s lean instead of more than half (iteration 200).</source>
        <translation>항등 손실 |G(y) − y|와 |F(x) − x|의 가중치로, λ 순환에 곱해집니다(원래 방법과 같음. 사진에서는 0.5가 색을 지켜 줍니다). 여기서는 G에게 있는 것을 그대로 두라고 요구하므로 0에서 시작합니다. 0.5로 두면 점에서 G(x)가 가장 가까운 y에서 0.1이 아니라 0.9쯤 떨어진 채 끝나고(400번째 반복), 기울기 숫자는 Y의 기운 정도까지 절반 넘게가 아니라 4분의 1쯤만 갑니다(200번째 반복).</translation>
    </message>
    <message>
        <source>Adam&apos;s step size for all four networks (β1 = 0.5, as in the original method).</source>
        <translation>네 신경망 모두에 쓰는 Adam의 보폭입니다(원래 방법처럼 β1 = 0.5).</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Examples of X and of Y in each update (a power of two).</source>
        <translation>한 번 업데이트할 때 쓰는 X와 Y의 예제 수입니다(2의 거듭제곱).</translation>
    </message>
    <message>
        <source>Pool of fakes</source>
        <translation>가짜 풀</translation>
    </message>
    <message>
        <source>The discriminators see fakes from a pool of earlier ones half of the time, so they do not chase only the latest generator; 0 turns the pool off.</source>
        <translation>판별자는 절반의 경우 예전 가짜를 모아 둔 풀에서 꺼낸 가짜를 봅니다. 그래서 가장 최근 생성자만 쫓지 않습니다. 0이면 풀을 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <source>Side of the images in pixels (a multiple of 4): the shipped 28×28 digits are shrunk to it (up to 28), so that training is quick on a CPU; a folder&apos;s images are cropped to their centre square and shrunk to it (up to 64, best on a GPU).</source>
        <translation>이미지 한 변의 픽셀 수입니다(4의 배수). 함께 제공되는 28×28 숫자는 이 크기로 줄여(최대 28) CPU에서도 빨리 학습합니다. 폴더의 이미지는 가운데 정사각형을 잘라 이 크기로 줄입니다(최대 64, GPU에서 권장).</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>은닉 유닛 수</translation>
    </message>
    <message>
        <source>Width of the two hidden layers of G, F, D_X and D_Y on points. On digits the generators&apos; one hidden layer is 8 times as wide; on images the discriminators&apos; convolutions (and the folders&apos; generators&apos;) have a quarter of it as channels.</source>
        <translation>점에서는 G, F, D_X, D_Y의 두 은닉층 너비입니다. 숫자에서는 생성자의 은닉층 하나가 이것의 8배이고, 이미지에서는 판별자의 합성곱(그리고 폴더용 생성자의 합성곱)이 이것의 4분의 1만큼 채널을 씁니다.</translation>
    </message>
    <message>
        <source>Each step trains</source>
        <translation>한 단계에 학습할 것</translation>
    </message>
    <message>
        <source>both: the generators G and F, then the discriminators D_X and D_Y; discriminators or generators: only those, to take the two-player game apart.</source>
        <translation>둘 다: 생성자 G와 F, 이어서 판별자 D_X와 D_Y. 판별자만 또는 생성자만: 그쪽만 학습하여 두 선수의 게임을 떼어 봅니다.</translation>
    </message>
    <message>
        <source>Folder X</source>
        <translation>폴더 X</translation>
    </message>
    <message>
        <source>With domains folders: a folder of PNG or JPEG images of domain X, all of one size (the first 2,000 in name order are used).</source>
        <translation>도메인이 폴더일 때: 도메인 X의 PNG 또는 JPEG 이미지가 든 폴더입니다. 이미지 크기는 모두 같아야 합니다(이름 순서로 처음 2,000장을 씁니다).</translation>
    </message>
    <message>
        <source>Folder Y</source>
        <translation>폴더 Y</translation>
    </message>
    <message>
        <source>With domains folders: a folder of PNG or JPEG images of domain Y, all of one size; not the same pictures as X, and in any order: no x comes with its y.</source>
        <translation>도메인이 폴더일 때: 도메인 Y의 PNG 또는 JPEG 이미지가 든 폴더입니다. 크기는 모두 같아야 합니다. X와 같은 사진일 필요도, 순서가 맞을 필요도 없습니다. 어떤 x도 짝이 되는 y와 함께 오지 않습니다.</translation>
    </message>
    <message>
        <source>Drawn X</source>
        <translation>그린 X</translation>
    </message>
    <message>
        <source>Domain X as drawn with the mouse: x,y;x,y;… (at least 8 points inside the plane). Empty: X of the chosen domains.</source>
        <translation>마우스로 그린 도메인 X입니다: x,y;x,y;… (평면 안의 점 8개 이상). 비어 있으면 고른 도메인의 X를 씁니다.</translation>
    </message>
    <message>
        <source>Drawn Y</source>
        <translation>그린 Y</translation>
    </message>
    <message>
        <source>Domain Y as drawn with the mouse, like Drawn X. Empty: Y of the chosen domains.</source>
        <translation>마우스로 그린 도메인 Y입니다. 그린 X와 같은 형식입니다. 비어 있으면 고른 도메인의 Y를 씁니다.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No code is shown for domains folders: a script with only torch and NumPy cannot read your own folders of images (dlab reads them with Pillow). Choose point or digit domains to see the code.</source>
        <translation>도메인이 폴더일 때는 코드를 보여 주지 않습니다. torch와 NumPy만 쓰는 스크립트로는 직접 고른 이미지 폴더를 읽을 수 없습니다(dlab은 Pillow로 읽습니다). 코드를 보려면 점이나 숫자 도메인을 고르세요.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>CycleGAN: unpaired translation</source>
        <translation>CycleGAN: 짝 없는 변환</translation>
    </message>
</context>
</TS>
