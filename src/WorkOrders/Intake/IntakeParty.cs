namespace WorkOrders.Maintenance.Intake;

/// <summary>Who an order is for and whom to call: given in the request, or looked up from site and customer.</summary>
public sealed record IntakeParty(string? CustomerId, string? CustomerTier, string? ContactName, string? ContactPhone, string? ContactEmail);
