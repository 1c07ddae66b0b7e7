<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>Word2VecTab</name>
    <message>
        <source>A second word: the cosine similarity of the two is shown</source>
        <translation>두 번째 단어: 두 단어의 코사인 유사도를 보여 줍니다</translation>
    </message>
    <message>
        <source>animals</source>
        <translation>동물</translation>
    </message>
    <message>
        <source>foods</source>
        <translation>음식</translation>
    </message>
    <message>
        <source>cities</source>
        <translation>도시</translation>
    </message>
    <message>
        <source>colours</source>
        <translation>색깔</translation>
    </message>
    <message>
        <source>jobs</source>
        <translation>직업</translation>
    </message>
    <message>
        <source>Word vectors on 2 axes (PCA)</source>
        <translation>단어 벡터를 두 축에 투영 (PCA)</translation>
    </message>
    <message>
        <source>principal axis 1</source>
        <translation>주성분 축 1</translation>
    </message>
    <message>
        <source>principal axis 2</source>
        <translation>주성분 축 2</translation>
    </message>
    <message>
        <source>One-hot × lookup table = its row</source>
        <translation>원-핫 × 룩업 테이블 = 그 단어의 행</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>차원</translation>
    </message>
    <message>
        <source>word</source>
        <translation>단어</translation>
    </message>
    <message>
        <source>one-hot</source>
        <translation>원-핫</translation>
    </message>
    <message>
        <source>lookup table</source>
        <translation>룩업 테이블</translation>
    </message>
    <message>
        <source>Press Run: each word&apos;s vector, projected on the two directions in which the vectors differ most.</source>
        <translation>실행을 누르세요. 각 단어의 벡터를, 벡터들이 가장 크게 달라지는 두 방향에 투영해 보여 줍니다.</translation>
    </message>
    <message>
        <source>The lookup table: one row of numbers per word.</source>
        <translation>룩업 테이블: 단어마다 숫자 한 행입니다.</translation>
    </message>
    <message>
        <source>The loss of each mini-batch.</source>
        <translation>미니배치마다의 손실입니다.</translation>
    </message>
    <message>
        <source>Open a UTF-8 text file</source>
        <translation>UTF-8 텍스트 파일 열기</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.csv);;All files (*)</source>
        <translation>텍스트 파일 (*.txt *.md *.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot use this file: {0}</source>
        <translation>이 파일은 쓸 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Examples from this window:</source>
        <translation>이 윈도에서 나온 예제:</translation>
    </message>
    <message>
        <source>“{0}” is not in the vocabulary ({1} words).</source>
        <translation>“{0}”은(는) 어휘({1}개 단어)에 없습니다.</translation>
    </message>
    <message>
        <source>Nearest by cosine similarity:</source>
        <translation>코사인 유사도로 가장 가까운 단어:</translation>
    </message>
    <message>
        <source>cos({0}, {1}) = {2:.2f}</source>
        <translation>cos({0}, {1}) = {2:.2f}</translation>
    </message>
    <message>
        <source>Reading {0}: {1:.0%}</source>
        <translation>{0} 읽는 중: {1:.0%}</translation>
    </message>
    <message>
        <source>Word2Vec learns a vector for each word from the words around it. Press Run.</source>
        <translation>Word2Vec은 주변 단어로부터 단어마다 벡터를 배웁니다. 실행을 누르세요.</translation>
    </message>
    <message>
        <source>skip-gram pairs</source>
        <translation>skip-gram 쌍</translation>
    </message>
    <message>
        <source>CBOW examples</source>
        <translation>CBOW 예제</translation>
    </message>
    <message>
        <source>Epoch {0} of {1} · {2} words · {3} {4} an epoch</source>
        <translation>에포크 {0}/{1} · 단어 {2}개 · 에포크마다 {4} {3}개</translation>
    </message>
    <message>
        <source>loss {0:.3f}</source>
        <translation>손실 {0:.3f}</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>파일 열기…</translation>
    </message>
    <message>
        <source>Train on a UTF-8 text file of your own (one or more sentences a line) from the next Run</source>
        <translation>다음 실행부터 직접 고른 UTF-8 텍스트 파일(한 줄에 문장 하나 이상)로 학습합니다</translation>
    </message>
    <message>
        <source>Nearest neighbours</source>
        <translation>가장 가까운 이웃</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>단어</translation>
    </message>
    <message>
        <source>Type or pick a word, or click a point on the map</source>
        <translation>단어를 입력하거나 고르세요. 지도의 점을 눌러도 됩니다</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>비교할 단어</translation>
    </message>
    <message>
        <source>Analogy a − b + c:</source>
        <translation>유추 a − b + c:</translation>
    </message>
    <message>
        <source>The words nearest to a − b + c (unit vectors)</source>
        <translation>a − b + c(단위 벡터)에 가장 가까운 단어들</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Word2Vec: words as vectors</source>
        <translation>Word2Vec: 단어를 벡터로</translation>
    </message>
</context>
<context>
    <name>word2vec/choices</name>
    <message>
        <source>builtin-en</source>
        <translation>내장 영어</translation>
    </message>
    <message>
        <source>builtin-ko</source>
        <translation>내장 한국어</translation>
    </message>
    <message>
        <source>skipgram</source>
        <translation>skip-gram</translation>
    </message>
    <message>
        <source>cbow</source>
        <translation>CBOW</translation>
    </message>
</context>
<context>
    <name>word2vec/params</name>
    <message>
        <source>Corpus</source>
        <translation>말뭉치</translation>
    </message>
    <message>
        <source>builtin-en / builtin-ko: short sentences written for this lesson, in which animals, foods, cities, colours and jobs each share their contexts; or a UTF-8 text file of your own (Open file…), one or more sentences a line.</source>
        <translation>builtin-en / builtin-ko: 이 수업을 위해 쓴 짧은 문장들로, 동물·음식·도시·색깔·직업 단어가 종류마다 같은 문맥에 나옵니다. 또는 직접 고른 UTF-8 텍스트 파일(파일 열기…)로, 한 줄에 문장이 하나 이상 있으면 됩니다.</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <source>skipgram: predict each context word from the centre word; cbow: predict the centre word from the mean of its context words.</source>
        <translation>skipgram: 가운데 단어로 주변 단어 하나하나를 예측합니다. cbow: 주변 단어 벡터의 평균으로 가운데 단어를 예측합니다.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>윈도 크기</translation>
    </message>
    <message>
        <source>Context words on each side of the centre word. A centre makes examples only when its whole window lies inside its sentence.</source>
        <translation>가운데 단어 양쪽에서 보는 주변 단어의 수입니다. 윈도 전체가 문장 안에 들어올 때만 그 가운데 단어로 예제를 만듭니다.</translation>
    </message>
    <message>
        <source>Vector size</source>
        <translation>벡터 크기</translation>
    </message>
    <message>
        <source>Length of each word&apos;s embedding: the lookup table&apos;s columns.</source>
        <translation>각 단어 임베딩의 길이, 곧 룩업 테이블의 열 수입니다.</translation>
    </message>
    <message>
        <source>Negative samples</source>
        <translation>네거티브 샘플 수</translation>
    </message>
    <message>
        <source>Random wrong words each example is trained against (negative sampling); 0 = full softmax over the whole vocabulary.</source>
        <translation>예제마다 함께 학습하는 무작위 오답 단어의 수입니다(네거티브 샘플링). 0이면 어휘 전체에 대한 소프트맥스를 씁니다.</translation>
    </message>
    <message>
        <source>Subsampling threshold</source>
        <translation>서브샘플링 임계값</translation>
    </message>
    <message>
        <source>Frequent words are dropped at random before each epoch: a word of frequency f is kept with probability √(t/f) + t/f. 0 = off.</source>
        <translation>에포크마다 자주 나오는 단어를 무작위로 뺍니다. 빈도가 f인 단어는 √(t/f) + t/f의 확률로 남습니다. 0이면 끕니다.</translation>
    </message>
    <message>
        <source>Minimum count</source>
        <translation>최소 등장 횟수</translation>
    </message>
    <message>
        <source>Words seen fewer times than this are left out of the vocabulary.</source>
        <translation>이보다 적게 나온 단어는 어휘에서 뺍니다.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Passes over all the training examples.</source>
        <translation>모든 학습 예제를 한 번씩 훑는 횟수입니다.</translation>
    </message>
    <message>
        <source>Step size of Adam on the lookup tables.</source>
        <translation>룩업 테이블을 업데이트하는 Adam의 보폭입니다.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Training examples per update (a power of two).</source>
        <translation>한 번 업데이트에 쓰는 학습 예제 수입니다(2의 거듭제곱).</translation>
    </message>
</context>
</TS>
