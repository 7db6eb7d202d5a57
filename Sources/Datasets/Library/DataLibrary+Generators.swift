import Catalog
import Tensors

extension DataLibrary {
  static var generators: [Entry] {
    [
      entry("make_multilabel", "Random multilabel data, as scikit-learn's make_multilabel_classification: `data.make_multilabel{n_samples = 100, seed = 1}`.",
            returns: returnsDataset,
            details: """
              Class priors and per-class feature distributions are drawn uniformly; each example draws its label \
              count from Poisson(n_labels) (redrawn above n_classes, or at zero without allow_unlabeled), its labels \
              from the priors, its length from Poisson(length) and its features from its labels' distributions.
              """) { d in
        let samples = d.option("n_samples", Int.self, "examples", as: .positiveInteger, default: 100)
        let features = d.option("n_features", Int.self, "features (word counts)", as: .positiveInteger, default: 20)
        let classes = d.option("n_classes", Int.self, "labels", as: .positiveInteger, default: 5)
        let labels = d.option("n_labels", Int.self, "mean number of labels per example (Poisson)", as: .nonNegativeInteger, default: 2)
        let length = d.option("length", Int.self, "mean document length, the sum of an example's features (Poisson)", as: .positiveInteger, default: 50)
        let allowUnlabeled = d.option("allow_unlabeled", Bool.self, "examples may have no label", default: true)
        let seed = d.option(seedOption, Int?.self)
        return { args in
          let g = MultilabelGenerator(samples: try args[samples], features: try args[features], classes: try args[classes],
                                      labels: try args[labels], length: try args[length], allowUnlabeled: try args[allowUnlabeled])
          var s = stream(seed: try args[seed], args.session, "make_multilabel")
          return [.object(try g.generate(stream: &s))]
        }
      },
      entry("make_blobs", "Gaussian clusters, as scikit-learn's make_blobs: `data.make_blobs{n_samples = 300, centers = 3, seed = 1}`.",
            returns: returnsDataset) { d in
        let samples = d.option("n_samples", Int.self, "examples, shared evenly between the centres", as: .positiveInteger, default: 100)
        let features = d.option("n_features", Int.self, "features", as: .positiveInteger, default: 2)
        let centers = d.option("centers", Int.self, "clusters, with centres uniform in [-10, 10]", as: .positiveInteger, default: 3)
        let clusterStd = d.option("cluster_std", Double.self, "standard deviation around each centre", default: 1)
        let oneHot = d.option("one_hot", Bool.self, "y as one 0/1 column per cluster instead of class indices", default: false)
        let seed = d.option(seedOption, Int?.self)
        return { args in
          let g = BlobGenerator(samples: try args[samples], features: try args[features], centers: try args[centers],
                                clusterStd: Float(try args[clusterStd]))
          var s = stream(seed: try args[seed], args.session, "make_blobs")
          return [.object(try g.generate(stream: &s, oneHot: try args[oneHot]))]
        }
      },
    ]
  }
}
