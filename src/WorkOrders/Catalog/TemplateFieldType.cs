using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Catalog;

/// <summary>
/// What a template field asks for. The typed ones map to order properties (<see cref="Asset"/>: <c>deviceId</c> or
/// <c>assetType</c>; <see cref="Customer"/>: <c>customerId</c>; <see cref="Site"/>: <c>site</c>; <see cref="Contact"/>:
/// <c>contactName</c> and <c>contactPhone</c> or <c>contactEmail</c>; <see cref="Tier"/>: <c>customerTier</c>;
/// <see cref="Urgency"/>: <c>priority</c>); <see cref="Text"/>, <see cref="Number"/> and <see cref="Date"/> are free
/// values kept in the order's <c>fields</c>. Stored as its name.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemplateFieldType>))]
public enum TemplateFieldType
{
    Text,
    Number,
    Date,
    Asset,
    Customer,
    Site,
    Contact,
    Tier,
    Urgency,
}
