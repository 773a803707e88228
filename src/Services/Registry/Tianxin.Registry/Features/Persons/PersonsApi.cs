namespace Tianxin.Registry.Features.Persons;

public static class PersonsApi
{
    public static IServiceCollection AddPersons(this IServiceCollection services) =>
        services.AddSingleton<PersonStore>().AddSingleton<PersonSearch>().AddSingleton<PersonRegistration>();

    public static IEndpointRouteBuilder MapPersonsApi(this IEndpointRouteBuilder endpoints)
    {
        var persons = endpoints.MapGroup("/persons").WithTags("Persons");
        persons.MapRegisterPerson();
        persons.MapReadPersons();
        persons.MapFindPersons();
        persons.MapUpdatePerson();
        persons.MapClosePerson();
        persons.MapDuplicateReviews();
        persons.MapExportPersons();
        return endpoints;
    }
}
