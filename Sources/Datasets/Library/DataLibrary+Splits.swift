import Catalog
import Tensors

extension DataLibrary {
  static let stratifyOption = Parameter("stratify", .oneOf(Stratification.allCases.map(\.rawValue)),
                                        "\"iterative\" keeps each label's share in every part (Sechidis et al. 2011); \"none\" shuffles",
                                        default: .string("iterative"))

  static var splits: [Entry] {
    [
      entry("split", "A seeded train/test split: `local train, test = ds:split{test_size = 0.25, seed = 1}`.",
            returns: returnsTrainTest, methodOf: "Dataset",
            details: "Class-index labels (one column of 0..k-1) are stratified by class.") { d in
        let ds = datasetArgument(d)
        let testSize = d.option("test_size", Double.self, "share of examples in the test part", as: .numberIn(0, 1), default: 0.25)
        let stratify = d.option(stratifyOption, Stratification.self)
        let seed = d.option(seedOption, Int?.self)
        return { args in
          var s = stream(seed: try args[seed], args.session, "split")
          let (train, test) = try Splitter.split(try args[ds], testSize: try args[testSize], stratify: try args[stratify], stream: &s)
          return [.object(train), .object(test)]
        }
      },
      entry("kfold", "k seeded folds to loop over: `for fold, train, test in ds:kfold{k = 5} do ... end`.",
            returns: [Returned(.function, "an iterator giving the fold number (from 1), train and test")],
            methodOf: "Dataset") { d in
        let dsArg = datasetArgument(d)
        let k = d.option("k", Int.self, "number of folds (at least 2)", as: .positiveInteger, default: 5)
        let stratify = d.option(stratifyOption, Stratification.self)
        let seed = d.option(seedOption, Int?.self)
        return { args in
          let ds = try args[dsArg]
          var s = stream(seed: try args[seed], args.session, "kfold")
          let folds = try Splitter.folds(ds, k: try args[k], stratify: try args[stratify], stream: &s)
          var next = 0
          let iterator = HostFunction { _ in
            guard next < folds.count else { return [] }
            let j = next
            next += 1
            let test = folds[j]
            let train = folds.indices.filter { $0 != j }.flatMap { folds[$0] }.sorted()
            do {
              return [.integer(j + 1), .object(try ds.subset(train)), .object(try ds.subset(test))]
            } catch let e as DataError { throw CatalogError("data.kfold: \(e.message)") }
          }
          return [.function(iterator)]
        }
      },
      entry("shuffle", "The examples in a seeded random order (a new dataset).", returns: returnsDataset, methodOf: "Dataset") { d in
        let ds = datasetArgument(d)
        let seed = d.option(seedOption, Int?.self)
        return { args in
          var s = stream(seed: try args[seed], args.session, "shuffle")
          return [.object(try args[ds].shuffled(stream: &s))]
        }
      },
      entry("subset", "The examples at the given positions (counted from 1), in that order.",
            returns: returnsDataset, methodOf: "Dataset") { d in
        let ds = datasetArgument(d)
        let indices = d.parameter("indices", [Int].self, "positions", as: .list(.positiveInteger))
        return { args in [.object(try args[ds].subset(try args[indices].map { $0 - 1 }))] }
      },
      entry("tostring", "A one-line summary: `Dataset(yeast-train.arff: 1500 x 103, 14 labels)`.",
            returns: [Returned(.string, "text")], methodOf: "Dataset", metamethod: "__tostring") { d in
        let ds = datasetArgument(d)
        return { args in [.string(try args[ds].summary)] }
      },
      entry("split_report", "How well a split keeps label proportions: each label's share of positives in train, test and both, and the largest deviation.",
            returns: [Returned(.record, "{labels, train, test, overall, max_deviation, worst_label, n_train, n_test, text}")],
            details: "max_deviation is the largest |share in a part - share in both| over labels and parts; text is a printable table.") { d in
        let trainArg = d.object("train", Dataset.self, "the train part")
        let testArg = d.object("test", Dataset.self, "the test part")
        return { args in
          let r = try SplitReport(train: try args[trainArg], test: try args[testArg])
          var text = "label\ttrain\ttest\tall\n"
          for (k, name) in r.labelNames.enumerated() {
            text += "\(name)\t\(format4(r.train[k]))\t\(format4(r.test[k]))\t\(format4(r.overall[k]))\n"
          }
          text += "max deviation \(format4(r.maxDeviation)) (\(r.worstLabel)); train \(r.trainCount), test \(r.testCount)"
          return [.table([
            ("labels", strings(r.labelNames)), ("train", numbers(r.train)), ("test", numbers(r.test)),
            ("overall", numbers(r.overall)), ("max_deviation", .number(r.maxDeviation)), ("worst_label", .string(r.worstLabel)),
            ("n_train", .integer(r.trainCount)), ("n_test", .integer(r.testCount)), ("text", .string(text)),
          ])]
        }
      },
    ]
  }

  static func format4(_ v: Double) -> String {
    let scaled = (v * 10000).rounded()
    let i = Int(scaled)
    let whole = i / 10000, frac = abs(i % 10000)
    let f = String(frac)
    return "\(i < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: 4 - f.count))\(f)"
  }
}

extension Stratification: ScriptEnum {}
