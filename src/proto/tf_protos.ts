import protobuf from 'protobufjs';

/**
 * TensorFlow's protobuf messages that tfgraph reads and writes, as protobufjs reflection
 * (field numbers and types copied from TF's .proto files; names in protobufjs camelCase).
 * GraphDef (graph.proto, node_def.proto, attr_value.proto, tensor.proto, tensor_shape.proto,
 * types.proto, versions.proto), the tensor bundle (tensor_bundle.proto), summaries and events
 * (summary.proto, event.proto).
 */
const DESCRIPTOR = {
  nested: {
    tensorflow: {
      nested: {
        DataType: {
          values: {
            DT_INVALID: 0, DT_FLOAT: 1, DT_DOUBLE: 2, DT_INT32: 3, DT_UINT8: 4, DT_INT16: 5, DT_INT8: 6,
            DT_STRING: 7, DT_COMPLEX64: 8, DT_INT64: 9, DT_BOOL: 10, DT_QINT8: 11, DT_QUINT8: 12,
            DT_QINT32: 13, DT_BFLOAT16: 14, DT_HALF: 19, DT_RESOURCE: 20, DT_VARIANT: 21,
            DT_FLOAT_REF: 101, DT_DOUBLE_REF: 102, DT_INT32_REF: 103, DT_STRING_REF: 107, DT_INT64_REF: 109, DT_BOOL_REF: 110,
          },
        },
        TensorShapeProto: {
          fields: { dim: { rule: 'repeated', type: 'Dim', id: 2 }, unknownRank: { type: 'bool', id: 3 } },
          nested: { Dim: { fields: { size: { type: 'int64', id: 1 }, name: { type: 'string', id: 2 } } } },
        },
        TensorProto: {
          fields: {
            dtype: { type: 'DataType', id: 1 },
            tensorShape: { type: 'TensorShapeProto', id: 2 },
            versionNumber: { type: 'int32', id: 3 },
            tensorContent: { type: 'bytes', id: 4 },
            halfVal: { rule: 'repeated', type: 'int32', id: 13, options: { packed: true } },
            floatVal: { rule: 'repeated', type: 'float', id: 5, options: { packed: true } },
            doubleVal: { rule: 'repeated', type: 'double', id: 6, options: { packed: true } },
            intVal: { rule: 'repeated', type: 'int32', id: 7, options: { packed: true } },
            stringVal: { rule: 'repeated', type: 'bytes', id: 8 },
            int64Val: { rule: 'repeated', type: 'int64', id: 10, options: { packed: true } },
            boolVal: { rule: 'repeated', type: 'bool', id: 11, options: { packed: true } },
          },
        },
        AttrValue: {
          oneofs: { value: { oneof: ['s', 'i', 'f', 'b', 'type', 'shape', 'tensor', 'list', 'func', 'placeholder'] } },
          fields: {
            s: { type: 'bytes', id: 2 },
            i: { type: 'int64', id: 3 },
            f: { type: 'float', id: 4 },
            b: { type: 'bool', id: 5 },
            type: { type: 'DataType', id: 6 },
            shape: { type: 'TensorShapeProto', id: 7 },
            tensor: { type: 'TensorProto', id: 8 },
            list: { type: 'ListValue', id: 1 },
            func: { type: 'NameAttrList', id: 10 },
            placeholder: { type: 'string', id: 9 },
          },
          nested: {
            ListValue: {
              fields: {
                s: { rule: 'repeated', type: 'bytes', id: 2 },
                i: { rule: 'repeated', type: 'int64', id: 3, options: { packed: true } },
                f: { rule: 'repeated', type: 'float', id: 4, options: { packed: true } },
                b: { rule: 'repeated', type: 'bool', id: 5, options: { packed: true } },
                type: { rule: 'repeated', type: 'DataType', id: 6, options: { packed: true } },
                shape: { rule: 'repeated', type: 'TensorShapeProto', id: 7 },
                tensor: { rule: 'repeated', type: 'TensorProto', id: 8 },
                func: { rule: 'repeated', type: 'NameAttrList', id: 9 },
              },
            },
          },
        },
        NameAttrList: {
          fields: { name: { type: 'string', id: 1 }, attr: { keyType: 'string', type: 'AttrValue', id: 2 } },
        },
        NodeDef: {
          fields: {
            name: { type: 'string', id: 1 },
            op: { type: 'string', id: 2 },
            input: { rule: 'repeated', type: 'string', id: 3 },
            device: { type: 'string', id: 4 },
            attr: { keyType: 'string', type: 'AttrValue', id: 5 },
          },
        },
        VersionDef: {
          fields: {
            producer: { type: 'int32', id: 1 },
            minConsumer: { type: 'int32', id: 2 },
            badConsumers: { rule: 'repeated', type: 'int32', id: 3, options: { packed: true } },
          },
        },
        GraphDef: {
          fields: {
            node: { rule: 'repeated', type: 'NodeDef', id: 1 },
            versions: { type: 'VersionDef', id: 4 },
            version: { type: 'int32', id: 3 },
          },
        },
        BundleHeaderProto: {
          fields: {
            numShards: { type: 'int32', id: 1 },
            endianness: { type: 'Endianness', id: 2 },
            version: { type: 'VersionDef', id: 3 },
          },
          nested: { Endianness: { values: { LITTLE: 0, BIG: 1 } } },
        },
        TensorSliceProto: {
          fields: { extent: { rule: 'repeated', type: 'Extent', id: 1 } },
          nested: { Extent: { fields: { start: { type: 'int64', id: 1 }, length: { type: 'int64', id: 2 } } } },
        },
        BundleEntryProto: {
          fields: {
            dtype: { type: 'DataType', id: 1 },
            shape: { type: 'TensorShapeProto', id: 2 },
            shardId: { type: 'int32', id: 3 },
            offset: { type: 'int64', id: 4 },
            size: { type: 'int64', id: 5 },
            crc32c: { type: 'fixed32', id: 6 },
            slices: { rule: 'repeated', type: 'TensorSliceProto', id: 7 },
          },
        },
        HistogramProto: {
          fields: {
            min: { type: 'double', id: 1 },
            max: { type: 'double', id: 2 },
            num: { type: 'double', id: 3 },
            sum: { type: 'double', id: 4 },
            sumSquares: { type: 'double', id: 5 },
            bucketLimit: { rule: 'repeated', type: 'double', id: 6, options: { packed: true } },
            bucket: { rule: 'repeated', type: 'double', id: 7, options: { packed: true } },
          },
        },
        Summary: {
          fields: { value: { rule: 'repeated', type: 'Value', id: 1 } },
          nested: {
            Value: {
              oneofs: { value: { oneof: ['simpleValue', 'histo', 'tensor'] } },
              fields: {
                nodeName: { type: 'string', id: 7 },
                tag: { type: 'string', id: 1 },
                simpleValue: { type: 'float', id: 2 },
                histo: { type: 'HistogramProto', id: 5 },
                tensor: { type: 'TensorProto', id: 8 },
              },
            },
          },
        },
        Event: {
          oneofs: { what: { oneof: ['fileVersion', 'graphDef', 'summary'] } },
          fields: {
            wallTime: { type: 'double', id: 1 },
            step: { type: 'int64', id: 2 },
            fileVersion: { type: 'string', id: 3 },
            graphDef: { type: 'bytes', id: 4 },
            summary: { type: 'Summary', id: 5 },
          },
        },
      },
    },
  },
};

export const tfProtos = protobuf.Root.fromJSON(DESCRIPTOR);

export function protoType(name: string): protobuf.Type {
  return tfProtos.lookupType(`tensorflow.${name}`);
}

export { protobuf };
