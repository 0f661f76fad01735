// The audit log's Merkle tree against the Certificate Transparency reference vectors, then every
// inclusion and consistency proof of many tree sizes within a time budget, with one-bit
// corruptions that must fail, and the compact range that the checkpointer keeps.
#include "shared/audit/MerkleTree.h"

#include <QtTest>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

using namespace kep::audit;

namespace {

// The 8-leaf reference tree of RFC 6962 implementations, its roots for sizes 1..8 and its known
// proofs, from transparency-dev/merkle, proof/verify_test.go (commit 02194e9a, variables
// `leaves`, `roots`, `inclusionProofs`, `consistencyProofs`), the vectors Certificate
// Transparency's C++ log (merkletree/merkle_tree_test.cc) has used since 2013.
const char* const kLeafInputs[] = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
};

const char* const kRoots[] = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

Hash hashOf(const QString& hex) {
    const auto hash = hashFromHex(hex.toStdString());
    if (!hash) {
        throw std::invalid_argument("bad hex in the test table");
    }
    return *hash;
}

std::vector<Hash> hashesOf(const QStringList& hexes) {
    std::vector<Hash> out;
    for (const QString& hex : hexes) {
        out.push_back(hashOf(hex));
    }
    return out;
}

std::vector<Hash> referenceLeaves() {
    std::vector<Hash> out;
    for (const char* input : kLeafInputs) {
        out.push_back(leafHash(QByteArray::fromHex(input).toStdString()));
    }
    return out;
}

// Distinct synthetic leaves for the exhaustive sweeps.
std::vector<Hash> sweepLeaves(std::size_t count) {
    std::vector<Hash> out;
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(leafHash("entry " + std::to_string(i)));
    }
    return out;
}

Hash flipped(Hash hash, std::size_t bit) {
    hash[(bit / 8) % hash.size()] ^= static_cast<std::uint8_t>(1U << (bit % 8));
    return hash;
}

std::string proofText(const std::vector<Hash>& proof) {
    std::string out;
    for (const Hash& hash : proof) {
        out += toHex(hash) + " ";
    }
    return out;
}

}  // namespace

class tst_MerkleTree : public QObject {
    Q_OBJECT

private slots:
    void emptyTree();
    void referenceRoots_data();
    void referenceRoots();
    void referenceInclusionProofs_data();
    void referenceInclusionProofs();
    void referenceConsistencyProofs_data();
    void referenceConsistencyProofs();
    void everyProofVerifiesAndCorruptionFails();
    void compactRangeMatchesTreeHead();
    void compactRangeRefusesMalformedBytes_data();
    void compactRangeRefusesMalformedBytes();
    void proofArgumentsOutOfRange();
    void hexRoundTrip();
    void hexRefusesMalformed_data();
    void hexRefusesMalformed();
};

void tst_MerkleTree::emptyTree() {
    // SHA-256 of nothing (RFC 6962 §2.1: MTH({}) = SHA-256()).
    const QString expected = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QCOMPARE(QString::fromStdString(toHex(emptyTreeHash())), expected);
    QCOMPARE(treeHead({}), emptyTreeHash());
    QCOMPARE(CompactRange{}.head(), emptyTreeHash());
}

void tst_MerkleTree::referenceRoots_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("root");
    for (int size = 1; size <= 8; ++size) {
        QTest::addRow("size %d", size) << size << QString(kRoots[size - 1]);
    }
}

void tst_MerkleTree::referenceRoots() {
    QFETCH(int, size);
    QFETCH(QString, root);
    const std::vector<Hash> leaves = referenceLeaves();
    const auto prefix = std::span<const Hash>(leaves).first(static_cast<std::size_t>(size));
    QCOMPARE(QString::fromStdString(toHex(treeHead(prefix))), root);
    CompactRange range;
    for (const Hash& leaf : prefix) {
        range.append(leaf);
    }
    QCOMPARE(QString::fromStdString(toHex(range.head())), root);
}

void tst_MerkleTree::referenceInclusionProofs_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("size");
    QTest::addColumn<QStringList>("proof");
    // The reference lists leaves from 1; these indices count from 0.
    QTest::newRow("0 of 8")
        << 0 << 8
        << QStringList{"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                       "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"};
    QTest::newRow("5 of 8")
        << 5 << 8
        << QStringList{"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                       "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                       "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"};
    QTest::newRow("2 of 3")
        << 2 << 3
        << QStringList{"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"};
    QTest::newRow("1 of 5")
        << 1 << 5
        << QStringList{"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                       "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"};
    QTest::newRow("0 of 1") << 0 << 1 << QStringList{};
}

void tst_MerkleTree::referenceInclusionProofs() {
    QFETCH(int, index);
    QFETCH(int, size);
    QFETCH(QStringList, proof);
    const std::vector<Hash> all = referenceLeaves();
    const auto leaves = std::span<const Hash>(all).first(static_cast<std::size_t>(size));
    const std::vector<Hash> expected = hashesOf(proof);
    const std::vector<Hash> made = inclusionProof(leaves, static_cast<std::uint64_t>(index));
    QCOMPARE(proofText(made), proofText(expected));
    QVERIFY(verifyInclusion(leaves[static_cast<std::size_t>(index)],
                            static_cast<std::uint64_t>(index), static_cast<std::uint64_t>(size),
                            expected, hashOf(kRoots[size - 1])));
}

void tst_MerkleTree::referenceConsistencyProofs_data() {
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<QStringList>("proof");
    QTest::newRow("1 to 8")
        << 1 << 8
        << QStringList{"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                       "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"};
    QTest::newRow("6 to 8")
        << 6 << 8
        << QStringList{"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                       "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                       "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"};
    QTest::newRow("2 to 5")
        << 2 << 5
        << QStringList{"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                       "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"};
    QTest::newRow("6 to 7")
        << 6 << 7
        << QStringList{"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                       "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                       "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"};
    QTest::newRow("1 to 1") << 1 << 1 << QStringList{};
}

void tst_MerkleTree::referenceConsistencyProofs() {
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(QStringList, proof);
    const std::vector<Hash> all = referenceLeaves();
    const auto leaves = std::span<const Hash>(all).first(static_cast<std::size_t>(n));
    const std::vector<Hash> expected = hashesOf(proof);
    QCOMPARE(proofText(consistencyProof(leaves, static_cast<std::uint64_t>(m))),
             proofText(expected));
    QVERIFY(verifyConsistency(static_cast<std::uint64_t>(m), static_cast<std::uint64_t>(n),
                              hashOf(kRoots[m - 1]), hashOf(kRoots[n - 1]), expected));
}

void tst_MerkleTree::everyProofVerifiesAndCorruptionFails() {
    // Sizes grow until the budget is spent: a slow build (ASan) covers fewer, never times out.
    using Clock = std::chrono::steady_clock;
    constexpr auto kBudget = std::chrono::seconds(3);
    constexpr std::size_t kMaxSize = 130;
    constexpr std::size_t kMinCovered = 33;  // past 32, so two perfect trees and a ragged edge
    const std::vector<Hash> all = sweepLeaves(kMaxSize);
    const auto start = Clock::now();
    std::size_t covered = 0;
    std::size_t corruptions = 0;
    for (std::size_t n = 1; n <= kMaxSize && Clock::now() - start < kBudget; ++n) {
        const auto leaves = std::span<const Hash>(all).first(n);
        const Hash root = treeHead(leaves);
        for (std::uint64_t i = 0; i < n; ++i) {
            std::vector<Hash> proof = inclusionProof(leaves, i);
            QVERIFY2(verifyInclusion(leaves[i], i, n, proof, root),
                     qPrintable(QString("inclusion %1 of %2").arg(i).arg(n)));
            const std::size_t bit = (i * 37 + n) % 256;
            QVERIFY(!verifyInclusion(flipped(leaves[i], bit), i, n, proof, root));
            QVERIFY(!verifyInclusion(leaves[i], i, n, proof, flipped(root, bit)));
            for (unsigned b = 0; b < 8; ++b) {
                QVERIFY2(!verifyInclusion(leaves[i], i ^ (1U << b), n, proof, root),
                         qPrintable(QString("index %1 bit %2 of %3").arg(i).arg(b).arg(n)));
            }
            for (std::size_t p = 0; p < proof.size(); ++p) {
                const Hash kept = proof[p];
                proof[p] = flipped(kept, bit + p);
                QVERIFY(!verifyInclusion(leaves[i], i, n, proof, root));
                proof[p] = kept;
                ++corruptions;
            }
            corruptions += 10;
        }
        for (std::uint64_t m = 1; m <= n; ++m) {
            std::vector<Hash> proof = consistencyProof(leaves, m);
            const Hash rootM = treeHead(leaves.first(m));
            QVERIFY2(verifyConsistency(m, n, rootM, root, proof),
                     qPrintable(QString("consistency %1 to %2").arg(m).arg(n)));
            const std::size_t bit = (m * 41 + n) % 256;
            QVERIFY(!verifyConsistency(m, n, flipped(rootM, bit), root, proof));
            QVERIFY(!verifyConsistency(m, n, rootM, flipped(root, bit), proof));
            for (unsigned b = 0; b < 8; ++b) {
                const std::uint64_t other = m ^ (1U << b);
                if (other != 0) {
                    QVERIFY2(!verifyConsistency(other, n, rootM, root, proof),
                             qPrintable(QString("size %1 bit %2 to %3").arg(m).arg(b).arg(n)));
                    ++corruptions;
                }
            }
            for (std::size_t p = 0; p < proof.size(); ++p) {
                const Hash kept = proof[p];
                proof[p] = flipped(kept, bit + p);
                QVERIFY(!verifyConsistency(m, n, rootM, root, proof));
                proof[p] = kept;
                ++corruptions;
            }
            corruptions += 2;
        }
        covered = n;
    }
    qInfo("tree sizes 1..%zu: all proofs verified, %zu corruptions refused", covered, corruptions);
    QVERIFY2(covered >= kMinCovered, qPrintable(QString("only %1 sizes in budget").arg(covered)));
}

void tst_MerkleTree::compactRangeMatchesTreeHead() {
    constexpr std::size_t kSize = 300;
    const std::vector<Hash> all = sweepLeaves(kSize + 1);
    CompactRange range;
    for (std::size_t n = 0; n <= kSize; ++n) {
        const auto leaves = std::span<const Hash>(all).first(n);
        QCOMPARE(range.size(), n);
        QVERIFY2(range.head() == treeHead(leaves), qPrintable(QString("size %1").arg(n)));
        const std::string bytes = range.serialize();
        QCOMPARE(bytes.size(), 8 + 32 * static_cast<std::size_t>(std::popcount(n)));
        CompactRange parsed = CompactRange::parse(bytes);
        QCOMPARE(parsed.size(), n);
        QCOMPARE(parsed.serialize(), bytes);
        // A range read back from its checkpoint keeps growing into the same tree.
        parsed.append(all[n]);
        QVERIFY(parsed.head() == treeHead(std::span<const Hash>(all).first(n + 1)));
        range.append(all[n]);
    }
}

void tst_MerkleTree::compactRangeRefusesMalformedBytes_data() {
    QTest::addColumn<QByteArray>("bytes");
    CompactRange three;
    for (const Hash& leaf : sweepLeaves(3)) {
        three.append(leaf);
    }
    const std::string good = three.serialize();  // size 3: two hashes
    const QByteArray valid(good.data(), static_cast<qsizetype>(good.size()));
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("short size") << valid.left(7);
    QTest::newRow("hash cut short") << valid.left(valid.size() - 1);
    QTest::newRow("one byte more") << valid + QByteArray(1, '\0');
    QTest::newRow("one hash too few") << valid.left(valid.size() - 32);
    QTest::newRow("one hash too many") << valid + valid.right(32);
    QByteArray sizeFour = valid;
    sizeFour[7] = 4;  // one perfect subtree, but two hashes follow
    QTest::newRow("size disagrees") << sizeFour;
    QTest::newRow("empty with a hash") << QByteArray(8, '\0') + valid.right(32);
}

void tst_MerkleTree::compactRangeRefusesMalformedBytes() {
    QFETCH(QByteArray, bytes);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             CompactRange::parse(std::string_view(
                                 bytes.constData(), static_cast<std::size_t>(bytes.size()))));
}

void tst_MerkleTree::proofArgumentsOutOfRange() {
    const std::vector<Hash> leaves = sweepLeaves(5);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, inclusionProof(leaves, 5));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, inclusionProof({}, 0));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, consistencyProof(leaves, 0));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, consistencyProof(leaves, 6));
    const Hash root = treeHead(leaves);
    QVERIFY(!verifyInclusion(leaves[0], 5, 5, inclusionProof(leaves, 0), root));
    QVERIFY(!verifyInclusion(leaves[0], 0, 0, {}, root));
    // From the empty tree nothing is proved, and a tree never shrinks.
    QVERIFY(!verifyConsistency(0, 5, emptyTreeHash(), root, {}));
    QVERIFY(!verifyConsistency(5, 4, root, treeHead(std::span(leaves).first(4)), {}));
    // Equal sizes: equal roots and an empty proof, nothing else.
    QVERIFY(verifyConsistency(5, 5, root, root, {}));
    QVERIFY(!verifyConsistency(5, 5, root, root, std::vector<Hash>{root}));
    QVERIFY(!verifyConsistency(5, 5, root, leaves[0], {}));
    // A proof that is needed cannot be left out.
    QVERIFY(!verifyConsistency(4, 5, treeHead(std::span(leaves).first(4)), root, {}));
}

void tst_MerkleTree::hexRoundTrip() {
    const Hash hash = leafHash("round trip");
    const std::string hex = toHex(hash);
    QCOMPARE(hex.size(), std::size_t{64});
    QVERIFY(hashFromHex(hex) == hash);
    QString upper = QString::fromStdString(hex).toUpper();
    QVERIFY(hashFromHex(upper.toStdString()) == hash);
    QCOMPARE(QString::fromStdString(hex), QString::fromStdString(hex).toLower());
}

void tst_MerkleTree::hexRefusesMalformed_data() {
    QTest::addColumn<QString>("hex");
    const QString good = QString::fromStdString(toHex(leafHash("x")));
    QTest::newRow("empty") << QString();
    QTest::newRow("63 digits") << good.left(63);
    QTest::newRow("65 digits") << good + "0";
    QTest::newRow("a g") << "g" + good.mid(1);
    QTest::newRow("a space") << good.left(32) + " " + good.mid(33);
    QTest::newRow("0x prefix") << "0x" + good.left(62);
}

void tst_MerkleTree::hexRefusesMalformed() {
    QFETCH(QString, hex);
    QVERIFY(!hashFromHex(hex.toStdString()).has_value());
}

QTEST_APPLESS_MAIN(tst_MerkleTree)
#include "tst_merkle_tree.moc"
