package dev.hangar.testing;

/** A service (or part of one) the front server answers itself instead of moto. */
interface LocalApi {

    /** The answer, or null when the call is not this API's to answer (it then goes to moto). */
    WireResponse answer(Call call, WireRequest request);
}
