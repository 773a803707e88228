namespace Tianxin.Registry.Features.Persons;

public static class PersonsApi
{
    public static IServiceCollection AddPersons(this IServiceCollection services) => services.AddSingleton<PersonStore>();

    public static IEndpointRouteBuilder MapPersonsApi(this IEndpointRouteBuilder endpoints)
    {
        var persons = endpoints.MapGroup("/persons").WithTags("Persons");
        persons.MapRegisterPerson();
        persons.MapReadPersons();
        return endpoints;
    }
}
