using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Notifications;

/// <summary>Links in notifications, bound from <c>Notifications</c>.</summary>
public sealed class NotificationLinkOptions
{
    public const string Section = "Notifications";

    /// <summary>The public address of the API, the base of the customer's <c>/track/{token}</c> link.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string TrackingLink(string token) => $"{PublicBaseUrl.TrimEnd('/')}/track/{token}";
}
