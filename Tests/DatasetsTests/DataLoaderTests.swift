import Foundation
import Tensors
import Testing
@testable import Datasets

/// `DataLoader`: what a data specification names, and train/test sets from it, in the core.
struct DataLoaderTests {
  @Test func theSpecificationNamesTheSource() {
    #expect(DataSource("synthetic") == .synthetic)
    #expect(DataSource("digits") == .digits)
    #expect(DataSource("d.CSV.gz") == .file("d.CSV.gz"))
    #expect(DataSource("x/y.libsvm") == .file("x/y.libsvm"))
    #expect(DataSource("yeast") == .mulan("yeast"))
    #expect(DataSource("notes.txt") == .mulan("notes.txt"))
  }

  @Test func syntheticIsGeneratedThenSplit() throws {
    let g = MultilabelGenerator(samples: 40, features: 6, classes: 3, labels: 1)
    let o = DataLoader.Options(testSize: 0.25, stratify: .none, generator: g)
    let (train, test) = try DataLoader.load("synthetic", options: o, stream: RandomStream(seed: 3))
    #expect(train.count == 30 && test.count == 10)
    #expect(train.x.shape[1] == 6 && train.y.shape[1] == 3)
    let again = try DataLoader.load("synthetic", options: o, stream: RandomStream(seed: 3))
    #expect(again.train.x.scalars == train.x.scalars)
  }

  @Test func digitsAreOneHotAndSplit() throws {
    let (train, test) = try DataLoader.load("digits", options: .init(testSize: 0.2, stratify: .none), stream: RandomStream(seed: 1))
    #expect(train.count + test.count == 1797)
    #expect(test.count == 360)
    #expect(train.y.shape[1] == 10)
  }

  @Test func aFileIsLoadedByItsExtensionThenSplit() throws {
    let path = temporaryPath("loader.csv")
    try "a,b,y1,y2\n1,2,0,1\n3,4,1,0\n5,6,1,1\n7,8,0,0\n".write(toFile: path, atomically: true, encoding: .utf8)
    let (train, test) = try DataLoader.load(path, options: .init(testSize: 0.5, stratify: .none, labels: 2), stream: RandomStream(seed: 2))
    #expect(train.count == 2 && test.count == 2)
    #expect(train.x.shape[1] == 2 && train.y.shape[1] == 2)
  }

  /// An option that does not apply to what is loaded is an error, not ignored.
  @Test func optionsThatDoNotApplyAreErrors() {
    let s = RandomStream(seed: 1)
    #expect(dataError { try DataLoader.load("digits", options: .init(labels: 2), stream: s) }
            == "option 'labels' is for ARFF and CSV files, not for \"digits\"")
    #expect(dataError { try DataLoader.load("synthetic", options: .init(xml: "y.xml"), stream: s) }
            == "option 'xml' is for ARFF files, not for \"synthetic\"")
    #expect(dataError { try DataLoader.load("yeast", options: .init(labels: 14), stream: s) }
            == "option 'labels' is for ARFF and CSV files, not for the MULAN data set \"yeast\"")
    #expect(dataError { try DataLoader.load("d.csv", options: .init(labels: 1, xml: "d.xml"), stream: s) }
            == "option 'xml' is for ARFF files, not for the file \"d.csv\"")
    #expect(dataError { try DataLoader.load("d.svm", options: .init(labels: 1), stream: s) }
            == "option 'labels' is for ARFF and CSV files, not for the file \"d.svm\"")
  }
}
