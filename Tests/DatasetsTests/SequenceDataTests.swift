import Catalog
import Foundation
import Testing
@testable import Datasets
import Tensors

/// Token sequences as data: NumPy's int32/int64 arrays load exactly, integers a float32 cannot
/// hold are refused, and pad_sequences follows Keras.
@Suite struct SequenceDataTests {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

  @Test(arguments: ["int32", "int64"])
  func numpyIntegerTokensLoad(_ dtype: String) throws {
    let t = try NpyReader.read(path: dir + "/good/numpy-tokens-\(dtype).npy")
    #expect(t.shape == [2, 3] && t.scalars == [4, 17, 0, 19999, 3, 0])
  }

  @Test func integersAFloatCannotHoldAreRefused() {
    let path = dir + "/broken/numpy-int64-inexact.npy"
    #expect(throws: DataError.self) { try NpyReader.read(path: path) }
    let message = (try? NpyReader.read(path: path)).map { _ in "" } ?? {
      do { _ = try NpyReader.read(path: path); return "" } catch { return "\(error)" }
    }()
    #expect(message == "\(path): the integer 16777217 at flat position 1 has no exact float32 value (tensors hold float32: integers up to 16777216 in magnitude are exact)")
  }

  /// Keras: pad_sequences([[1,2,3],[4,5],[6]], maxlen=2) and with padding/truncating "post".
  @Test func padsAndTruncatesAsKeras() throws {
    let lists: [[Float]] = [[1, 2, 3], [4, 5], [6]]
    #expect(try SequencePadding.pad(lists).scalars == [1, 2, 3, 0, 4, 5, 0, 0, 6])
    #expect(try SequencePadding.pad(lists, maxlen: 2).scalars == [2, 3, 4, 5, 0, 6])
    #expect(try SequencePadding.pad(lists, maxlen: 2, padding: .post, truncating: .post).scalars == [1, 2, 4, 5, 6, 0])
    #expect(try SequencePadding.pad(lists, maxlen: 4, padding: .post, value: 9).shape == [3, 4])
    #expect(try SequencePadding.pad(lists, maxlen: 4, padding: .post, value: 9).scalars == [1, 2, 3, 9, 4, 5, 9, 9, 6, 9, 9, 9])
  }

  @Test func entryChecksTokens() throws {
    let entry = try #require(DataLibrary.entries.first { $0.name == "pad_sequences" })
    let session = Session(catalog: Catalog())
    let good = try entry.call([.list([.list([.integer(3), .integer(1)]), .list([])]), .table([("padding", .string("post"))])], in: session)
    guard case .tensor(let t)? = good.first else { Issue.record("no tensor"); return }
    #expect(t.shape == [2, 2] && t.scalars == [3, 1, 0, 0])
    #expect(throws: CatalogError.self) { try entry.call([.list([.list([.number(1.5)])])], in: session) }
  }
}
