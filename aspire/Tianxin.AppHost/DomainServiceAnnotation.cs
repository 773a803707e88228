namespace Tianxin.AppHost;

/// <summary>Marks the resources that are domain services, so that tests and tools find them in the model instead of listing them.</summary>
public sealed class DomainServiceAnnotation : IResourceAnnotation;
