package ocr

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental/table"
)

// The module is tesseract-wasm's emscripten build. Emscripten pairs such a module with
// JavaScript that provides its imports and, through embind, turns the C++ classes it declares
// into JavaScript ones. Here Go is that JavaScript, cut down to what recognising a page needs:
// the module tells us its classes, methods and value types while its constructors run (the
// _embind_register_* imports), and we call the methods through its function table with the
// same wire conventions embind's JavaScript uses.

// undefinedVal is embind's handle for JavaScript's undefined.
const undefinedVal = 1

// progressVal is the handle of the progress callback getHOCR is given: tesseract calls it as it
// finishes words, and it is where a cancelled context stops tesseract (see _emval_call).
const progressVal = 5

// firstVal is the first handle free for a value we hold for the module (handles 1 to 4 are
// undefined, null, true and false).
const firstVal = 6

// fnRef is a function of the module's table with embind's signature for it ("iii": returns i32,
// takes two i32).
type fnRef struct {
	sig   string
	index uint32
}

// method is a bound C++ member function, or a constructor (context is then the raw
// constructor, and there is no this).
type method struct {
	invoker fnRef
	context uint32
	args    []uint32 // embind type ids: the return type, this (for methods), the arguments
}

type class struct {
	name       string
	destructor fnRef
	ctors      map[int]method // by the number of arguments
	methods    map[string]method
}

type valueField struct {
	name    string
	typ     uint32
	getter  fnRef
	context uint32
}

type valueObject struct {
	name       string
	destructor fnRef
	fields     []valueField
}

// memoryView is what an emscripten::typed_memory_view hands JavaScript: elements of the
// module's memory, seen in place.
type memoryView struct {
	kind      uint32 // embind's typeMapping index: 0 int8 … 5 uint32, 6 float32, 7 float64
	size, ptr uint32
	refs      int
}

// registry is what the module declared, and the values (typed memory views) it gave us.
type registry struct {
	types        map[uint32]string // embind type id → name ("std::string", "int", …)
	views        map[uint32]bool   // type ids of memory views, by their element kind below
	viewKinds    map[uint32]uint32
	classes      map[string]*class
	classByType  map[uint32]*class
	valueObjects map[uint32]*valueObject
	vals         map[uint32]memoryView
	nextVal      uint32
}

func newRegistry() *registry {
	return &registry{
		types:        map[uint32]string{},
		views:        map[uint32]bool{},
		viewKinds:    map[uint32]uint32{},
		classes:      map[string]*class{},
		classByType:  map[uint32]*class{},
		valueObjects: map[uint32]*valueObject{},
		vals:         map[uint32]memoryView{},
		nextVal:      firstVal,
	}
}

// trapError is how a host function stops the module: wazero turns the panic into the error of
// the call under way, with a stack trace of the module that call strips again.
type trapError struct{ err error }

func (t *trapError) Error() string { return t.err.Error() }
func (t *trapError) Unwrap() error { return t.err }

func trap(format string, args ...any) { panic(&trapError{fmt.Errorf(format, args...)}) }

// cString reads a NUL-terminated string the module passed, at most 4096 bytes (names of types
// and methods, not data).
func cString(m api.Module, ptr uint32) string {
	mem := m.Memory()
	var b strings.Builder
	for i := uint32(0); i < 4096; i++ {
		c, ok := mem.ReadByte(ptr + i)
		if !ok {
			trap("string at %#x outside memory", ptr)
		}
		if c == 0 {
			return b.String()
		}
		b.WriteByte(c)
	}
	trap("string at %#x too long", ptr)
	return ""
}

func u32s(m api.Module, ptr, n uint32) []uint32 {
	out := make([]uint32, n)
	for i := range out {
		v, ok := m.Memory().ReadUint32Le(ptr + 4*uint32(i))
		if !ok {
			trap("array at %#x outside memory", ptr)
		}
		out[i] = v
	}
	return out
}

func (r *registry) register(m api.Module, rawType, namePtr uint32) {
	r.types[rawType] = cString(m, namePtr)
}

func (r *registry) registerClass(m api.Module, rawType, ptrType, constPtrType uint32, name string, destructor fnRef) {
	c := &class{name: name, destructor: destructor, ctors: map[int]method{}, methods: map[string]method{}}
	r.classes[name] = c
	r.classByType[rawType] = c
	r.types[rawType] = name
	r.types[ptrType] = name + "*"
	r.types[constPtrType] = "const " + name + "*"
}

func (r *registry) class(rawType uint32) *class {
	c := r.classByType[rawType]
	if c == nil {
		trap("method of unregistered class %d", rawType)
	}
	return c
}

// The embind imports. Their parameters are those of emscripten 3.1.31's JavaScript library
// (src/embind/embind.js), which built the module.
func embindImports() map[string]any {
	return map[string]any{
		"_embind_register_void": func(ctx context.Context, m api.Module, rawType, name uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_bool": func(ctx context.Context, m api.Module, rawType, name, size, t, f uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_integer": func(ctx context.Context, m api.Module, rawType, name, size, lo, hi uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_bigint": func(ctx context.Context, m api.Module, rawType, name, size, lo0, lo1, hi0, hi1 uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_float": func(ctx context.Context, m api.Module, rawType, name, size uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_std_string": func(ctx context.Context, m api.Module, rawType, name uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_std_wstring": func(ctx context.Context, m api.Module, rawType, charSize, name uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_emval": func(ctx context.Context, m api.Module, rawType, name uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_memory_view": func(ctx context.Context, m api.Module, rawType, kind, name uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
			r.views[rawType] = true
			r.viewKinds[rawType] = kind
		},
		"_embind_register_enum": func(ctx context.Context, m api.Module, rawType, name, size, signed uint32) {
			r := instanceOf(ctx).reg
			r.register(m, rawType, name)
		},
		"_embind_register_enum_value": func(ctx context.Context, m api.Module, rawType, name, value uint32) {
		},
		"_embind_register_class": func(ctx context.Context, m api.Module, rawType, ptrType, constPtrType, base,
			getActualTypeSig, getActualType, upcastSig, upcast, downcastSig, downcast, name, destructorSig, destructor uint32) {
			r := instanceOf(ctx).reg
			r.registerClass(m, rawType, ptrType, constPtrType, cString(m, name), fnRef{cString(m, destructorSig), destructor})
		},
		"_embind_register_class_constructor": func(ctx context.Context, m api.Module, rawClass, argCount, argTypes, invokerSig, invoker, ctor uint32) {
			r := instanceOf(ctx).reg
			c := r.class(rawClass)
			c.ctors[int(argCount)-1] = method{fnRef{cString(m, invokerSig), invoker}, ctor, u32s(m, argTypes, argCount)}
		},
		"_embind_register_class_function": func(ctx context.Context, m api.Module, rawClass, name, argCount, argTypes, invokerSig, invoker, context_, pureVirtual uint32) {
			r := instanceOf(ctx).reg
			c := r.class(rawClass)
			c.methods[cString(m, name)] = method{fnRef{cString(m, invokerSig), invoker}, context_, u32s(m, argTypes, argCount)}
		},
		"_embind_register_value_object": func(ctx context.Context, m api.Module, rawType, name, ctorSig, ctor, destructorSig, destructor uint32) {
			r := instanceOf(ctx).reg
			n := cString(m, name)
			r.types[rawType] = n
			r.valueObjects[rawType] = &valueObject{name: n, destructor: fnRef{cString(m, destructorSig), destructor}}
		},
		"_embind_register_value_object_field": func(ctx context.Context, m api.Module, structType, name, getterType, getterSig, getter, getterCtx,
			setterType, setterSig, setter, setterCtx uint32) {
			r := instanceOf(ctx).reg
			v := r.valueObjects[structType]
			if v == nil {
				trap("field of unregistered value object %d", structType)
			}
			v.fields = append(v.fields, valueField{cString(m, name), getterType, fnRef{cString(m, getterSig), getter}, getterCtx})
		},
		"_embind_finalize_value_object": func(ctx context.Context, m api.Module, structType uint32) {
		},

		// The module holds JavaScript values only as handles we give it: the progress callback
		// (always undefined) and the typed memory view of an image's pixels.
		"_emval_incref": func(ctx context.Context, m api.Module, handle uint32) {
			r := instanceOf(ctx).reg
			if v, ok := r.vals[handle]; ok {
				v.refs++
				r.vals[handle] = v
			}
		},
		"_emval_decref": func(ctx context.Context, m api.Module, handle uint32) {
			r := instanceOf(ctx).reg
			if v, ok := r.vals[handle]; ok {
				if v.refs--; v.refs <= 0 {
					delete(r.vals, handle)
				} else {
					r.vals[handle] = v
				}
			}
		},
		"_emval_take_value": func(ctx context.Context, m api.Module, typ, arg uint32) uint32 {
			r := instanceOf(ctx).reg
			if !r.views[typ] {
				trap("value of type %q not supported", r.types[typ])
			}
			v := u32s(m, arg, 2)
			h := r.nextVal
			r.nextVal++
			r.vals[h] = memoryView{kind: r.viewKinds[typ], size: v[0], ptr: v[1], refs: 1}
			return h
		},
		// The one function the module may call is the progress callback, with the percentage
		// done. wazero could stop the module anywhere on a cancelled context
		// (WithCloseOnContextDone), but its checks at every loop made tesseract four times
		// slower; so the context is checked here, at each word tesseract recognises, and in
		// the other host functions the module calls.
		"_emval_call": func(ctx context.Context, m api.Module, handle, argCount, argTypes, argv uint32) uint32 {
			if handle != progressVal || argCount != 1 {
				trap("the module called a JavaScript function")
			}
			if err := ctx.Err(); err != nil {
				trap("%w", err)
			}
			if in := instanceOf(ctx); in.progress != nil {
				pct, _ := m.Memory().ReadUint32Le(argv)
				in.progress(int(int32(pct)))
			}
			return undefinedVal
		},
	}
}

// lookup finds a function of the module's table by embind's signature of it.
func lookup(m api.Module, f fnRef) api.Function {
	kind := func(c byte) api.ValueType {
		switch c {
		case 'i', 'p':
			return api.ValueTypeI32
		case 'j':
			return api.ValueTypeI64
		case 'f':
			return api.ValueTypeF32
		case 'd':
			return api.ValueTypeF64
		}
		trap("signature %q not supported", f.sig)
		return 0
	}
	if f.sig == "" {
		trap("empty signature")
	}
	var params, results []api.ValueType
	if f.sig[0] != 'v' {
		results = []api.ValueType{kind(f.sig[0])}
	}
	for i := 1; i < len(f.sig); i++ {
		params = append(params, kind(f.sig[i]))
	}
	return table.LookupFunction(m, 0, f.index, params, results)
}

// call runs a table function. A trap in a host function comes back as its own error; a
// function the table does not hold, with the signature given, as an error too.
func call(ctx context.Context, m api.Module, f fnRef, args ...uint64) (res []uint64, err error) {
	defer func() {
		if p := recover(); p != nil {
			if t, ok := p.(*trapError); ok {
				err = t.err
				return
			}
			err = fmt.Errorf("%w: %v", errNoBinding, p)
		}
	}()
	res, err = lookup(m, f).Call(ctx, args...)
	if t := (*trapError)(nil); errors.As(err, &t) {
		err = t.err
	}
	return res, err
}

// errNoBinding is a class or method the module does not declare: a module other than the one
// this code was written for.
var errNoBinding = errors.New("the OCR module does not have the expected bindings")
