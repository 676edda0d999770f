namespace WorkOrders.Maintenance.Intake;

/// <summary>One problem in an imported file: the line it is on, the column (header name) and what to change.</summary>
public sealed record ImportProblem(int Line, string Column, string Message);

/// <summary>
/// What happened to one row: <c>created</c>, <c>linked</c> (a duplicate of <see cref="DuplicateOfNumber"/>),
/// <c>existing</c> (its idempotency key opened <see cref="Number"/> before) or <c>rejected</c> (see <see cref="Problems"/>).
/// </summary>
public sealed record ImportRowResult(int Line, string Outcome, string? Number, string? DuplicateOfNumber, IReadOnlyList<ImportProblem> Problems);

/// <summary>The summary of a bulk import, row by row in file order.</summary>
public sealed record ImportSummary(
    int Rows, int Created, int Linked, int Existing, int Rejected, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportRowResult> Results);

/// <summary>The summary, or the reasons the whole file was refused (header problems, too many rows, not CSV).</summary>
public sealed record ImportResult(ImportSummary? Summary, IDictionary<string, string[]> Errors);
