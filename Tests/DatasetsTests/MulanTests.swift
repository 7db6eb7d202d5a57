import Testing
import Tensors
@testable import Datasets

/// Shapes and label statistics of the MULAN sets, against the table in the shared datasets'
/// README (computed from the files with labels located by XML name).
@Suite(.enabled(if: crescentData != nil, Comment(rawValue: dataUnsetMessage)))
struct MulanTests {
  struct Expected: Sendable {
    let name: String, features: Int, labels: Int, train: Int, test: Int
    let cardinality: Double, cardTrain: Double, cardTest: Double
  }

  static let table: [Expected] = [
    Expected(name: "yeast", features: 103, labels: 14, train: 1500, test: 917, cardinality: 4.2371, cardTrain: 4.2280, cardTest: 4.2519),
    Expected(name: "emotions", features: 72, labels: 6, train: 391, test: 202, cardinality: 1.8685, cardTrain: 1.8133, cardTest: 1.9752),
    Expected(name: "scene", features: 294, labels: 6, train: 1211, test: 1196, cardinality: 1.0740, cardTrain: 1.0619, cardTest: 1.0861),
    Expected(name: "medical", features: 1449, labels: 45, train: 333, test: 645, cardinality: 1.2454, cardTrain: 1.2553, cardTest: 1.2403),
    Expected(name: "enron", features: 1001, labels: 53, train: 1123, test: 579, cardinality: 3.3784, cardTrain: 3.3865, cardTest: 3.3627),
  ]

  static func cardinality(_ d: Dataset) -> Double { Double(d.y.scalars.reduce(0, +)) / Double(d.count) }

  @Test(arguments: table)
  func shapesAndLabelStatistics(_ e: Expected) throws {
    let (train, test) = try MulanLoader.load(e.name, root: crescentData!)
    #expect(train.count == e.train && test.count == e.test)
    #expect(train.featureCount == e.features && test.featureCount == e.features)
    #expect(train.labelCount == e.labels && test.labelCount == e.labels)
    #expect(abs(Self.cardinality(train) - e.cardTrain) < 5e-5)
    #expect(abs(Self.cardinality(test) - e.cardTest) < 5e-5)
    let all = (Self.cardinality(train) * Double(e.train) + Self.cardinality(test) * Double(e.test)) / Double(e.train + e.test)
    #expect(abs(all - e.cardinality) < 5e-5)
    #expect(abs(all / Double(e.labels) - e.cardinality / Double(e.labels)) < 5e-5)
    // Labels are 0/1 and keep the ARFF's attribute order.
    #expect(train.y.scalars.allSatisfy { $0 == 0 || $0 == 1 })
  }

  @Test func yeastLabelsKeepArffOrder() throws {
    let (train, _) = try MulanLoader.load("yeast", root: crescentData!)
    #expect(train.labelNames == (1...14).map { "Class\($0)" })
  }

  @Test func iterativeSplitKeepsEveryLabelWithinOneExample() throws {
    let (train, test) = try MulanLoader.load("yeast", root: crescentData!)
    let all = try Dataset(x: Tensor.concatenateRows([train.x, test.x]), y: Tensor.concatenateRows([train.y, test.y]))
    var s = RandomStream(seed: 1)
    let (a, b) = try Splitter.split(all, testSize: 0.25, stratify: .iterative, stream: &s)
    #expect(abs(Double(b.count) - 0.25 * Double(all.count)) <= 1)
    let L = all.labelCount
    for l in 0..<L {
      let total = (0..<all.count).filter { all.y[$0, l] == 1 }.count
      let inTest = (0..<b.count).filter { b.y[$0, l] == 1 }.count
      #expect(abs(Double(inTest) - 0.25 * Double(total)) <= 1, "label \(l + 1): \(inTest) of \(total) in test")
    }
    #expect(a.count + b.count == all.count)
  }

  @Test func missingFolderNamesTheFilesExpected() {
    let m = dataError { try MulanLoader.load("nonexistent", root: crescentData!) }
    #expect(m?.contains("nonexistent") == true && m?.contains("is not a folder") == true)
  }
}
