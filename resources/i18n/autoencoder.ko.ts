<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>AutoencoderTab</name>
    <message>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>PCA, same size</source>
        <translation>같은 크기의 PCA</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>latent 1</source>
        <translation>잠재 1</translation>
    </message>
    <message>
        <source>latent 2</source>
        <translation>잠재 2</translation>
    </message>
    <message>
        <source>Reconstruction error</source>
        <translation>복원 오차</translation>
    </message>
    <message>
        <source>MSE per pixel</source>
        <translation>픽셀당 MSE</translation>
    </message>
    <message>
        <source>Test digits (top) and their reconstructions</source>
        <translation>시험용 숫자(위)와 복원한 모습(아래)</translation>
    </message>
    <message>
        <source>Training and validation error per epoch; dashed: PCA.</source>
        <translation>에포크마다의 학습 오차와 검증 오차입니다. 점선은 PCA입니다.</translation>
    </message>
    <message>
        <source>Every test digit at its latent code, coloured by its label.</source>
        <translation>시험용 숫자마다 잠재 코드 위치에 정답 색으로 찍힙니다.</translation>
    </message>
    <message>
        <source>Decoded at ({0:.2f}, {1:.2f})</source>
        <translation>({0:.2f}, {1:.2f})에서 복원</translation>
    </message>
    <message>
        <source>Latent space of the test digits (click)</source>
        <translation>시험용 숫자의 잠재 공간 (클릭해 보세요)</translation>
    </message>
    <message>
        <source>Latent space ({0}-D), PCA projection (click)</source>
        <translation>잠재 공간({0}차원)의 PCA 투영 (클릭해 보세요)</translation>
    </message>
    <message>
        <source>Digits squeezed through {0} numbers and rebuilt, with no labels: press Run.</source>
        <translation>숫자 이미지를 수 {0}개로 압축했다가 레이블 없이 다시 그립니다. 실행을 누르세요.</translation>
    </message>
    <message>
        <source>Epoch {0}: validation error {1:.4f} · PCA with {2} components {3:.4f}</source>
        <translation>{0} 에포크: 검증 오차 {1:.4f} · 성분 {2}개 PCA {3:.4f}</translation>
    </message>
    <message>
        <source>Click the map to decode a point</source>
        <translation>지도를 클릭하면 그 점을 복원합니다</translation>
    </message>
    <message>
        <source>The decoder alone draws this digit from the point under the cross, also where no test digit lies.</source>
        <translation>디코더 혼자서 십자 표시 아래의 점으로부터 이 숫자를 그립니다. 시험용 숫자가 없는 곳이어도 됩니다.</translation>
    </message>
</context>
<context>
    <name>autoencoder/params</name>
    <message>
        <source>Latent size</source>
        <translation>잠재 크기</translation>
    </message>
    <message>
        <source>Numbers in the narrow middle layer that every digit is squeezed through. With 2 the latent space is drawn as it is; with more, as its 2-D projection (PCA).</source>
        <translation>모든 숫자 이미지가 거쳐 가는 좁은 가운데 층의 수 개수입니다. 2이면 잠재 공간을 그대로 그리고, 더 크면 2차원 투영(PCA)으로 그립니다.</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>은닉 유닛</translation>
    </message>
    <message>
        <source>Width of the layer between the 784 pixels and the latent layer, in the encoder and in the decoder.</source>
        <translation>인코더와 디코더에서 픽셀 784개와 잠재 층 사이에 있는 층의 너비입니다.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Passes over the 4,000 training digits; one step is one epoch.</source>
        <translation>학습용 숫자 4,000개를 몇 번 훑을지 정합니다. 한 단계가 한 에포크입니다.</translation>
    </message>
    <message>
        <source>Adam&apos;s step size.</source>
        <translation>Adam의 보폭입니다.</translation>
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
        <source>Denoising noise</source>
        <translation>잡음 제거 세기</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added to each training input (0 = off); the network must still rebuild the clean digit.</source>
        <translation>학습 입력마다 더하는 잡음의 표준편차입니다(0이면 끔). 신경망은 그래도 깨끗한 숫자를 복원해야 합니다.</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Autoencoders</source>
        <translation>오토인코더</translation>
    </message>
</context>
</TS>
