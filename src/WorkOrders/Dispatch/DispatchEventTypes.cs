namespace WorkOrders.Maintenance.Dispatch;

/// <summary>Event types dispatch adds beside <c>dispatched</c> and <c>not_dispatched</c>. Never rename stored ones.</summary>
public static class DispatchEventTypes
{
    /// <summary>Suggested mode: the top three were stored; the order waits New for a dispatcher to confirm one.</summary>
    public const string Suggested = "dispatch_suggested";

    /// <summary>Open-pool mode: the order waits New for an eligible engineer to claim it.</summary>
    public const string PoolOpened = "pool_opened";
}
