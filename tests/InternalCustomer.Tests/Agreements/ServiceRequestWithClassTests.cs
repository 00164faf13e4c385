using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

/// <summary><see cref="ServiceRequest.WithClass"/>: the one way to class a request made by a factory (status logs, TryCreate).</summary>
public class ServiceRequestWithClassTests
{
    private static readonly AgreementId Sla = AgreementId.Parse("it-payroll");
    private static readonly PriorityId P1 = PriorityId.Parse("P1");
    private static readonly ServiceId Laptops = ServiceId.Parse("laptops");

    private static Instant At(int hour) => Instant.FromUtc(2026, 3, 2, hour, 0);

    [Fact]
    public void Classes_a_status_log_and_keeps_its_log()
    {
        var log = ServiceRequest.FromStatusLog("INC-1", Sla, [new StatusChange(At(9), "New"), new StatusChange(At(10), "In Progress", PriorityId.Parse("P2"))]);

        var classed = log.WithClass(P1, Laptops, "Hardware");

        Assert.Equal((P1, Laptops, "Hardware"), (classed.Priority!.Value, classed.Service!.Value, classed.Category));
        Assert.Equal(log.StatusLog.ToArray(), classed.StatusLog.ToArray());
        Assert.Equal((log.Id, log.Agreement, log.Opened, true), (classed.Id, classed.Agreement, classed.Opened, classed.IsStatusLog));
        Assert.Equal(P1, classed.PriorityAt(At(9)));
        Assert.Equal(PriorityId.Parse("P2"), classed.PriorityAt(At(11)));
        Assert.NotEqual(log, classed);
        Assert.Equal(log, classed.WithClass(null, null, null));
    }

    [Fact]
    public void Classes_a_shorthand_request_as_the_initializer_does()
    {
        var pause = new Interval(At(10), At(11));
        var made = ServiceRequest.TryCreate("INC-2", Sla, At(9), At(9), At(12), [pause], null).Value!;

        Assert.Equal(
            new ServiceRequest("INC-2", Sla, At(9), At(9), At(12), [pause]) { Priority = P1, Service = Laptops, Category = "Hardware" },
            made.WithClass(P1, Laptops, "Hardware"));
    }

    [Fact]
    public void Rejects_default_ids_and_a_blank_category()
    {
        var request = new ServiceRequest("INC-3", Sla, At(9));

        var priority = Assert.Throws<ArgumentException>(() => request.WithClass(default(PriorityId), null, null));
        var service = Assert.Throws<ArgumentException>(() => request.WithClass(null, default(ServiceId), null));
        var category = Assert.Throws<ArgumentException>(() => request.WithClass(null, null, " "));

        Assert.Equal(("priority", "Expected a parsed PriorityId or null; got default(PriorityId). (Parameter 'priority')"), (priority.ParamName, priority.Message));
        Assert.Equal(("service", "Expected a parsed ServiceId or null; got default(ServiceId). (Parameter 'service')"), (service.ParamName, service.Message));
        Assert.Equal(("category", "A category must be non-blank text or null; got \" \". (Parameter 'category')"), (category.ParamName, category.Message));
    }
}
