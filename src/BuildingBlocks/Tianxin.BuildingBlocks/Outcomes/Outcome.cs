namespace Tianxin.BuildingBlocks.Outcomes;

/// <summary>
/// What a use case's handler gives back: its value, or the <see cref="Failure"/> that stopped it. Handlers
/// return either one directly (both convert implicitly); endpoints and gRPC methods map it with one call.
/// </summary>
public readonly record struct Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, Failure? failure) => (_value, Failure) = (value, failure);

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    /// <summary>The value; only read it after checking <see cref="Succeeded"/>.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The use case failed: {Failure!.Title}");

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public Outcome<TOther> Map<TOther>(Func<T, TOther> map) => Succeeded ? map(_value!) : Failure!;

    public async Task<Outcome<TOther>> ThenAsync<TOther>(Func<T, Task<Outcome<TOther>>> next) => Succeeded ? await next(_value!) : Failure!;
}
