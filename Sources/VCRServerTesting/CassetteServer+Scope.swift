import VCRServer

extension CassetteServer {
    /// Runs `body` with ``CassetteServer/current`` set to this server, then
    /// closes the server, whether or not `body` threw; the scope both test
    /// frameworks' glue gives a test.
    func serving<Value>(
        isolation: isolated (any Actor)? = #isolation, _ body: (CassetteServer) async throws -> Value
    ) async throws -> Value {
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await CassetteServer.$scoped.withValue(self) { try await body(self) })
        } catch {
            outcome = .failure(error)
        }
        await close()
        return try outcome.get()
    }
}
