using Google.Protobuf;
using Grpc.Core;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>
/// Binds a gRPC service so that a request body that is not the method's protobuf message is answered
/// INVALID_ARGUMENT. Grpc.AspNetCore parses the request before any interceptor runs and reports a parse
/// failure as UNKNOWN ("Exception was thrown by handler"), which does not tell a partner the fault is theirs.
/// </summary>
/// <remarks>
/// A service opts in with <c>[BindServiceMethod(typeof(ItsClass), nameof(BindService))]</c> and a static
/// <c>BindService(ServiceBinderBase binder, GeneratedBase service)</c> that hands the generated binding
/// <c>new MalformedRequests(binder)</c>. The second parameter must stay the generated base type: Grpc.AspNetCore
/// finds the handlers by the methods that override it.
/// </remarks>
public sealed class MalformedRequests(ServiceBinderBase binder) : ServiceBinderBase
{
    public const string Message = "请求不是本方法的 protobuf 消息 / The request body is not this method's protobuf message";

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Refusing(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Refusing(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Refusing(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Refusing(method), handler);

    private static Method<TRequest, TResponse> Refusing<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var requests = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return parse(context);
            }
            catch (InvalidProtocolBufferException malformed)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, Message, malformed));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
    }
}
