import Testing
import Tensors
@testable import Datasets

struct SplitTests {
  func synthetic(_ n: Int = 2000, seed: UInt64 = 1) throws -> Dataset {
    var s = RandomStream(seed: seed)
    return try MultilabelGenerator(samples: n, features: 20, classes: 8, labels: 3).generate(stream: &s)
  }

  @Test func seededSplitsRepeat() throws {
    let ds = try synthetic()
    for stratify in Stratification.allCases {
      var a = RandomStream(seed: 9), b = RandomStream(seed: 9)
      let x = try Splitter.trainTestIndices(ds, testSize: 0.3, stratify: stratify, stream: &a)
      let y = try Splitter.trainTestIndices(ds, testSize: 0.3, stratify: stratify, stream: &b)
      #expect(x.train == y.train && x.test == y.test)
      #expect(Set(x.train).isDisjoint(with: x.test) && x.train.count + x.test.count == ds.count)
    }
  }

  @Test func iterativeBeatsRandomOnLabelProportions() throws {
    let ds = try synthetic()
    var s = RandomStream(seed: 2)
    let (a, b) = try Splitter.split(ds, testSize: 0.25, stratify: .iterative, stream: &s)
    let report = try SplitReport(train: a, test: b)
    #expect(report.maxDeviation < 0.005)
  }

  @Test func kfoldPartitionsEveryExampleOnce() throws {
    let ds = try synthetic(503)
    for stratify in Stratification.allCases {
      var s = RandomStream(seed: 5)
      let folds = try Splitter.folds(ds, k: 5, stratify: stratify, stream: &s)
      #expect(folds.count == 5)
      #expect(folds.flatMap { $0 }.sorted() == Array(0..<503))
      #expect(folds.allSatisfy { abs($0.count - 100) <= 3 })
    }
  }

  @Test func multilabelGeneratorStatistics() throws {
    let ds = try synthetic(20000, seed: 3)
    let card = Double(ds.y.scalars.reduce(0, +)) / Double(ds.count)
    // Poisson(3) truncated at 8 labels: mean 2.98.
    #expect(abs(card - 2.98) < 0.05)
    let length = Double(ds.x.scalars.reduce(0, +)) / Double(ds.count)
    #expect(abs(length - 50) < 0.3)
    var s = RandomStream(seed: 4)
    let strict = try MultilabelGenerator(samples: 2000, classes: 5, labels: 1, allowUnlabeled: false).generate(stream: &s)
    #expect((0..<strict.count).allSatisfy { r in (0..<5).contains { strict.y[r, $0] == 1 } })
  }

  @Test func blobsAreSeparatedClusters() throws {
    var s = RandomStream(seed: 1)
    let ds = try BlobGenerator(samples: 300, features: 2, centers: 3, clusterStd: 0.5).generate(stream: &s)
    #expect(ds.x.shape == [300, 2])
    var counts = [0, 0, 0]
    for v in ds.y.scalars { counts[Int(v)] += 1 }
    #expect(counts == [100, 100, 100])
  }

  @Test func scalersFitOnTrainApplyToTest() throws {
    let x = Tensor(shape: [3, 2], scalars: [1, 10, 2, 10, 3, 10])
    let s = StandardScaler()
    try s.fit(x)
    let t = try s.transform(x)
    #expect(abs(t[0, 0] + 1.2247449) < 1e-5 && t[0, 1] == 0)
    #expect(try s.inverseTransform(t).scalars == x.scalars)
    let m = try MinMaxScaler()
    try m.fit(x)
    // A constant column takes a range of 1, as scikit-learn's: 11 is 1 above the column's 10.
    #expect(try m.transform(Tensor(shape: [1, 2], scalars: [2.5, 11])).scalars == [0.75, 1])
    #expect(dataError { try s.transform(Tensor(shape: [1, 3], scalars: [1, 2, 3])) } == "the scaler was fitted on 2 columns, got 1x3")
  }
}
