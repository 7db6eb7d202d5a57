import Catalog
import Tensors

extension DataLibrary {
  static var generators: [Entry] {
    [
      entry("make_multilabel", "Random multilabel data, as scikit-learn's make_multilabel_classification: `data.make_multilabel{n_samples = 100, seed = 1}`.",
            options: [Parameter("n_samples", .positiveInteger, "examples", default: .integer(100)),
                      Parameter("n_features", .positiveInteger, "features (word counts)", default: .integer(20)),
                      Parameter("n_classes", .positiveInteger, "labels", default: .integer(5)),
                      Parameter("n_labels", .nonNegativeInteger, "mean number of labels per example (Poisson)", default: .integer(2)),
                      Parameter("length", .positiveInteger, "mean document length, the sum of an example's features (Poisson)", default: .integer(50)),
                      Parameter("allow_unlabeled", .bool, "examples may have no label", default: .bool(true)),
                      seedOption],
            returns: returnsDataset,
            details: """
              Class priors and per-class feature distributions are drawn uniformly; each example draws its label \
              count from Poisson(n_labels) (redrawn above n_classes, or at zero without allow_unlabeled), its labels \
              from the priors, its length from Poisson(length) and its features from its labels' distributions.
              """) { args in
        let g = MultilabelGenerator(samples: args.int("n_samples"), features: args.int("n_features"), classes: args.int("n_classes"),
                                    labels: args.int("n_labels"), length: args.int("length"), allowUnlabeled: args.bool("allow_unlabeled"))
        var s = stream(args, "make_multilabel")
        return [.object(try g.generate(stream: &s))]
      },
      entry("make_blobs", "Gaussian clusters, as scikit-learn's make_blobs: `data.make_blobs{n_samples = 300, centers = 3, seed = 1}`.",
            options: [Parameter("n_samples", .positiveInteger, "examples, shared evenly between the centres", default: .integer(100)),
                      Parameter("n_features", .positiveInteger, "features", default: .integer(2)),
                      Parameter("centers", .positiveInteger, "clusters, with centres uniform in [-10, 10]", default: .integer(3)),
                      Parameter("cluster_std", .number, "standard deviation around each centre", default: .number(1)),
                      Parameter("one_hot", .bool, "y as one 0/1 column per cluster instead of class indices", default: .bool(false)),
                      seedOption],
            returns: returnsDataset) { args in
        let g = BlobGenerator(samples: args.int("n_samples"), features: args.int("n_features"), centers: args.int("centers"),
                              clusterStd: args.float("cluster_std"))
        var s = stream(args, "make_blobs")
        return [.object(try g.generate(stream: &s, oneHot: args.bool("one_hot")))]
      },
    ]
  }
}
