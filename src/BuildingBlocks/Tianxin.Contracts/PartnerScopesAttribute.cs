namespace Tianxin.Contracts;

/// <summary>
/// Marks a service's class of partner scopes: every public string constant in it is a scope
/// ("&lt;service&gt;.&lt;thing&gt;.&lt;action&gt;"), registered by identity and enforced by the service.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PartnerScopesAttribute : Attribute;
