import Testing
@testable import NN

/// A width or precision too large to be a file name is refused when the template is read,
/// instead of filling memory when it is rendered (or, with more digits than an Int holds,
/// silently read as no width).
@Suite struct FormatSpecLimitTests {
  func message(_ template: String) -> String? {
    do { _ = try PathTemplate(template); return nil } catch let e as FormatError { return e.message } catch { return "\(error)" }
  }

  @Test func hugeWidthsAndPrecisionsAreRefused() throws {
    #expect(message("m-{epoch:999999999999d}") == "the format '999999999999d' of {epoch}: width 999999999999 is too large (at most 1000)")
    #expect(message("m-{epoch:99999999999999999999999d}") == "the format '99999999999999999999999d' of {epoch}: width 99999999999999999999999 is too large (at most 1000)")
    #expect(message("m-{loss:.999999999999f}") == "the format '.999999999999f' of {loss}: precision 999999999999 is too large (at most 1000)")
    #expect(message("m-{loss:.f}") == "the format '.f' of {loss}: a '.' must be followed by a precision")
    #expect(try PathTemplate("{epoch:1000d}").render(epoch: 0, logs: Logs()).count == 1000)
  }
}
