import Testing
@testable import Catalog

@Suite struct SessionDeadlineTests {
  @Test func aPassedDeadlineThrowsTheTimeoutError() {
    let session = Session(catalog: Catalog(), seed: 1)
    #expect(throws: Never.self) { try session.checkDeadline() }
    session.deadline = Session.now() + 60
    #expect(throws: Never.self) { try session.checkDeadline() }
    session.deadline = Session.now() - 0.001
    do { try session.checkDeadline(); Issue.record("no error") } catch let e as CatalogError {
      #expect(e.message == "time limit exceeded")
    } catch { Issue.record("\(error)") }
  }
}
